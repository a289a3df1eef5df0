package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seqpipe.grammar.dsl.DslReader;
import io.seqpipe.grammar.source.ReadLimits;
import io.seqpipe.grammar.source.SourceFiles;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.PipelineException;
import io.seqpipe.grammar.tree.Problem;
import io.seqpipe.grammar.tree.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading pipeline files is bounded: includes (shared, cyclic, deep, huge), file sizes, special files
 * and encodings. Each case is a set of files and the exact lines loading {@code t.pipe} must give;
 * {@code {dir}} in an expected line stands for the case's directory.
 */
class IncludeLimitsTest {
  @TempDir Path dir;

  static final String PIPELINE = "pipeline p : classify {\n  data { train \"t.pipe\"; dev \"t.pipe\" }\n}\n";
  static final byte[] BAD_UTF8 = "pipeline p : classify {\n  data { train \"tréin\u0000\" }\n}\n"
      .replace('\u0000', '?').getBytes(StandardCharsets.UTF_8);

  static {
    BAD_UTF8[indexOf(BAD_UTF8, (byte) '?')] = (byte) 0xFF;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        files("include cycle", "include \"a.pipe\"\n" + PIPELINE,
            Map.of("a.pipe", "include \"b.pipe\"\n", "b.pipe", "include \"a.pipe\"\n"),
            "{dir}/b.pipe:1:1: include cycle: a.pipe -> b.pipe -> a.pipe"),
        files("a file including itself", "include \"a.pipe\"\n" + PIPELINE, Map.of("a.pipe", "\ninclude \"a.pipe\"\n"),
            "{dir}/a.pipe:2:1: include cycle: a.pipe -> a.pipe"),
        files("a cycle through another directory", "include \"sub/a.pipe\"\n" + PIPELINE,
            Map.of("sub/a.pipe", "include \"../b.pipe\"\n", "b.pipe", "include \"sub/a.pipe\"\n"),
            "{dir}/b.pipe:1:1: include cycle: sub/a.pipe -> b.pipe -> sub/a.pipe"),
        files("includes 33 deep", "include \"f1.pipe\"\n" + PIPELINE, chain(40),
            "{dir}/f32.pipe:1:1: includes nested more than 32 files deep"),
        files("include of a device", "include \"/dev/zero\"\n" + PIPELINE, Map.of(),
            "{dir}/t.pipe:1:1: cannot read included file /dev/zero: not a regular file (a device, a pipe or a socket)"),
        files("include of a directory", "include \"sub\"\n" + PIPELINE, Map.of("sub/x.pipe", ""),
            "{dir}/t.pipe:1:1: cannot read included file {dir}/sub: it is a directory"),
        files("include of a file over 1 MiB", "let x = 1\ninclude \"big.pipe\"\n" + PIPELINE,
            Map.of("big.pipe", "#".repeat((1 << 20) + 1)),
            "{dir}/t.pipe:2:1: cannot read included file {dir}/big.pipe: larger than 1 MiB, the limit for a pipeline file"),
        files("a file of exactly 1 MiB is fine", "include \"big.pipe\"\n" + PIPELINE,
            Map.of("big.pipe", "#".repeat(1 << 20))),
        files("includes over 16 MiB in all", manyIncludes(17) + PIPELINE, megabyteFiles(17),
            "{dir}/t.pipe:17:1: includes expand to more than 16 MiB of pipeline text in all"),
        files("a NUL in an include name", "include \"a\u0000b\"\n" + PIPELINE, Map.of(),
            "{dir}/t.pipe:1:1: cannot include 'a\\u0000b': not a valid file name"));
  }

  private static Arguments files(String name, String top, Map<String, String> files, String... expected) {
    Map<String, String> all = new LinkedHashMap<>(files);
    all.put("t.pipe", top);
    return Arguments.of(name, all, List.of(expected));
  }

  /** f1.pipe includes f2.pipe, ... up to fN.pipe. */
  private static Map<String, String> chain(int length) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 1; i < length; i++) {
      files.put("f" + i + ".pipe", "include \"f" + (i + 1) + ".pipe\"\n");
    }
    files.put("f" + length + ".pipe", "train { epochs 3 }\n");
    return files;
  }

  private static String manyIncludes(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      text.append("include \"m").append(i).append(".pipe\"\n");
    }
    return text.toString();
  }

  private static Map<String, String> megabyteFiles(int count) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 1; i <= count; i++) {
      files.put("m" + i + ".pipe", "# " + "x".repeat(999_997) + "\n");
    }
    return files;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Timeout(30)
  void reportsExactlyTheseProblems(String name, Map<String, String> files, List<String> expected) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    assertThat(problems(dir.resolve("t.pipe"))).containsExactlyElementsOf(
        expected.stream().map(line -> line.replace("{dir}", dir.toString())).toList());
  }

  private static List<String> problems(Path file) {
    try {
      PipelineFiles.load(file, List.of(), TestNames.INSTANCE, n -> null);
      return List.of();
    } catch (PipelineException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }

  /** 30 files, each including the next one twice: 2^30 paths, 30 files to expand. */
  @Test
  @Timeout(10)
  void aDiamondChainIsReadAndExpandedOncePerFile() throws IOException {
    for (int i = 1; i <= 30; i++) {
      String next = i < 30 ? "include \"d" + (i + 1) + ".pipe\"\n" : "";
      Files.writeString(dir.resolve("d" + i + ".pipe"),
          next + "let v" + i + " = \"${folder}/v\"\n" + next + (i == 30 ? "train { epochs 7 }\nencoder gru\n" : ""));
    }
    Files.writeString(dir.resolve("train.tsv"), "x\n");
    Path top = dir.resolve("top.pipe");
    Files.writeString(top, "let folder = \".\"\ninclude \"d1.pipe\"\n"
        + "pipeline p : classify {\n  data { train \"${v1}/../train.tsv\"; dev \"train.tsv\" }\n}\n");
    LoadedPipeline loaded = PipelineFiles.load(top, List.of(), TestNames.INSTANCE, n -> null);
    assertThat(loaded.spec().train().epochs()).isEqualTo(7);
    assertThat(loaded.spec().encoder().type()).isEqualTo("gru");

    SourceFiles files = new SourceFiles(ReadLimits.DEFAULT);
    Problems problems = new Problems();
    Block root = new DslReader(n -> null, problems, files).read(top);
    assertThat(problems.list()).isEmpty();
    assertThat(root.entries()).extracting(e -> e.key()).containsExactly("train", "encoder", "pipeline", "kind", "data");
    assertThat(files.reads()).isEqualTo(31);
  }

  /** A file included again after a variable it reads has changed is expanded again, with the new value. */
  @Test
  void aFileIncludedAgainSeesTheVariablesOfItsPlace() throws IOException {
    Files.writeString(dir.resolve("train.tsv"), "x\n");
    Files.writeString(dir.resolve("epochs.pipe"), "train { epochs ${n} }\n");
    Path top = dir.resolve("top.pipe");
    Files.writeString(top, "let n = 3\ninclude \"epochs.pipe\"\nlet n = 5\ninclude \"epochs.pipe\"\n"
        + "pipeline p : classify {\n  data { train \"train.tsv\"; dev \"train.tsv\" }\n}\n");
    assertThat(PipelineFiles.load(top, List.of(), TestNames.INSTANCE, n -> null).spec().train().epochs()).isEqualTo(5);
  }

  static Stream<Arguments> encodings() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    return Stream.of(
        Arguments.of("invalid UTF-8 in a .pipe file", "bad.pipe", BAD_UTF8,
            "{dir}/bad.pipe:2:22: invalid UTF-8 (byte 0xFF): pipeline files must be UTF-8 text"),
        Arguments.of("invalid UTF-8 in a YAML file", "bad.yaml", concat(withoutLastByte("pipeline: p\nkind: cl\u00e9"),
            "\n"), "{dir}/bad.yaml:2:9: invalid UTF-8 (byte 0xC3): pipeline files must be UTF-8 text"),
        Arguments.of("a byte order mark is skipped", "bom.pipe", concat(bom, "pipeline p : classify {\n}\n"),
            "{dir}/bom.pipe:1:1: missing 'data': where the training data is, e.g. data { train \"train.tsv\"  dev \"dev.tsv\" }"),
        Arguments.of("a byte order mark is skipped in YAML", "bom.yaml", concat(bom, "pipeline: p\nkind: classify\n"),
            "{dir}/bom.yaml:1:1: missing 'data': where the training data is, e.g. data { train \"train.tsv\"  dev \"dev.tsv\" }"),
        Arguments.of("a pipeline file over 1 MiB", "big.pipe", "#".repeat((1 << 20) + 1).getBytes(StandardCharsets.UTF_8),
            "{dir}/big.pipe:1:1: cannot read: larger than 1 MiB, the limit for a pipeline file"),
        Arguments.of("no such file", "none.yaml", null, "{dir}/none.yaml:1:1: no such file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void readsOnlyUtf8Text(String name, String file, byte[] bytes, String expected) throws IOException {
    Path path = dir.resolve(file);
    if (bytes != null) {
      Files.write(path, bytes);
    }
    assertThat(problems(path)).containsExactly(expected.replace("{dir}", dir.toString()));
  }

  @Test
  @Timeout(10)
  void aPipelineFileMustBeARegularFile() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("sub.pipe"));
    assertThatThrownBy(() -> PipelineFiles.load(directory, List.of(), TestNames.INSTANCE, n -> null))
        .hasMessage(directory + ":1:1: cannot read: it is a directory");
    Path fifo = dir.resolve("fifo.pipe");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
    assertThatThrownBy(() -> PipelineFiles.load(fifo, List.of(), TestNames.INSTANCE, n -> null))
        .hasMessage(fifo + ":1:1: cannot read: not a regular file (a device, a pipe or a socket)");
  }

  private static byte[] concat(byte[] head, String tail) {
    byte[] rest = tail.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + rest.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(rest, 0, all, head.length, rest.length);
    return all;
  }

  /** {@code text} in UTF-8 with its last byte cut off, leaving a character unfinished. */
  private static byte[] withoutLastByte(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(bytes, bytes.length - 1);
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
