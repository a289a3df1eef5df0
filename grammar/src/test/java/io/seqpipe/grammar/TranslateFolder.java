package io.seqpipe.grammar;

import io.seqpipe.grammar.spec.PipelineSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh folder per test holding a translate pipeline's one-line data files, {@code c.de/c.en} and
 * {@code d.de/d.en}, against which pipeline texts naming {@code train "c"; dev "d"} are parsed.
 *
 * <pre>{@code
 * @RegisterExtension final TranslateFolder folder = new TranslateFolder();
 * PipelineSpec spec = folder.parse("pipeline t : translate { ... }", "t.pipe", Format.PIPE);
 * }</pre>
 */
final class TranslateFolder implements BeforeEachCallback, AfterEachCallback {
  private Path dir;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("translate-folder");
    for (String file : List.of("c.de", "c.en", "d.de", "d.en")) {
      Files.writeString(dir.resolve(file), "x\n");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  PipelineSpec parse(String text, String name, Format format) {
    return PipelineFiles.parse(text, name, format, dir, List.of(), TestNames.INSTANCE, n -> null).spec();
  }

  /** A YAML translate pipeline {@code t} on the folder's data, with {@code entries} (YAML lines) added. */
  PipelineSpec parseYaml(String entries) {
    return parse("pipeline: t\nkind: translate\nsource: de\ntarget: en\ndata: {train: c, dev: d}\n" + entries, "t.yaml",
        Format.YAML);
  }

  /** A pipeline file in the folder, loaded with {@code --set} overrides. */
  PipelineSpec load(String name, String text, List<String> overrides) throws IOException {
    Path file = Files.writeString(dir.resolve(name), text);
    return PipelineFiles.load(file, overrides, TestNames.INSTANCE, n -> null).spec();
  }
}
