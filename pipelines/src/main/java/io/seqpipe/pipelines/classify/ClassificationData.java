package io.seqpipe.pipelines.classify;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.DataSpec;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.data.ClassificationExample;
import io.seqpipe.nlp.data.ClassificationReader;
import io.seqpipe.nlp.data.Shuffling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The train, dev and test examples of a classify pipeline: read from the spec's files, the test set
 * carved out of train (seeded) when the spec gives a test split instead of a test file.
 *
 * @param files the files read, by role, for the report's data hashes
 */
public record ClassificationData(List<ClassificationExample> train, List<ClassificationExample> dev,
    List<ClassificationExample> test, Map<String, Path> files) {

  public static ClassificationData load(LoadedPipeline pipeline, long seed) throws IOException {
    DataSpec data = pipeline.spec().data();
    if (data.train() == null || data.dev() == null) {
      throw new IllegalArgumentException("dataset recipes are not available yet; name train and dev files");
    }
    Map<String, Path> files = new TreeMap<>();
    List<ClassificationExample> train = read(pipeline, data.train(), "train", files);
    List<ClassificationExample> dev = read(pipeline, data.dev(), "dev", files);
    List<ClassificationExample> test = List.of();
    if (data.test() != null) {
      test = read(pipeline, data.test(), "test", files);
    } else if (data.testSplit() > 0) {
      List<ClassificationExample> shuffled = Shuffling.shuffled(train, seed);
      int held = (int) Math.round(shuffled.size() * data.testSplit());
      test = List.copyOf(shuffled.subList(0, held));
      train = List.copyOf(shuffled.subList(held, shuffled.size()));
    }
    return new ClassificationData(train, dev, test, files);
  }

  private static List<ClassificationExample> read(LoadedPipeline pipeline, String path, String role,
      Map<String, Path> files) throws IOException {
    Path file = pipeline.resolve(path);
    files.put(role, file);
    String text = pipeline.spec().data().textField();
    String label = pipeline.spec().data().labelField();
    List<ClassificationExample> examples = ClassificationReader.forFile(file, text, label).read(file);
    if (examples.isEmpty()) {
      throw new InputFormatException(file, "expected examples, found none");
    }
    return examples;
  }
}
