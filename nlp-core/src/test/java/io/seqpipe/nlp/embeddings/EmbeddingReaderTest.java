package io.seqpipe.nlp.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.SharedData;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.io.BufferedReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingReaderTest {
  private static final Path GLOVE = SharedData.path("data/embeddings/glove.6B.100d.top50k.txt");
  private static final Path W2V_TEXT = SharedData.path("data/embeddings/word2vec-sample_vec.txt");
  private static final Path W2V_BIN = SharedData.path("data/embeddings/word2vec-sample_vec.bin");

  @Test
  void gloveKeepsOnlyWhatTheVocabularyNeeds() throws Exception {
    Vocabulary vocab = Vocabulary.builder().addAll(List.of("The", "movie", "was", "Great", "qwzxv")).build();
    Embeddings glove = EmbeddingReader.read(GLOVE, EmbeddingFormat.GLOVE, vocab);
    assertThat(glove.dimension()).isEqualTo(100);
    assertThat(glove.words()).contains("the", "movie", "was", "great").doesNotContain("qwzxv", "of");
    String firstLine;
    try (BufferedReader reader = Files.newBufferedReader(GLOVE)) {
      firstLine = reader.readLine();
    }
    String[] fields = firstLine.split(" ");
    float[] expected = new float[100];
    for (int i = 0; i < 100; i++) {
      expected[i] = Float.parseFloat(fields[i + 1]);
    }
    assertThat(glove.lookup(fields[0].toUpperCase())).containsExactly(expected);
    Coverage coverage = glove.coverage(vocab);
    assertThat(coverage).isEqualTo(new Coverage(5, 2, 2));
    assertThat(coverage.ratio()).isEqualTo(0.8);
  }

  @Test
  void fullGloveFileLoads() throws Exception {
    Embeddings glove = EmbeddingReader.read(GLOVE, EmbeddingFormat.GLOVE);
    assertThat(glove.size()).isEqualTo(50_000);
    assertThat(glove.vector("king")).hasSize(100);
  }

  @Test
  void word2vecTextAndBinaryAgree() throws Exception {
    Embeddings text = EmbeddingReader.read(W2V_TEXT, EmbeddingFormat.WORD2VEC);
    Embeddings binary = EmbeddingReader.read(W2V_BIN, EmbeddingFormat.WORD2VEC_BINARY);
    assertThat(text.dimension()).isEqualTo(200);
    assertThat(binary.dimension()).isEqualTo(200);
    assertThat(binary.words()).isEqualTo(text.words()).hasSize(163);
    // the two sample files are not bit-identical exports, but the same words point the same way;
    // a wrong byte order or an off-by-one in the binary reader would give unrelated vectors
    for (String word : text.words()) {
      assertThat(cosine(text.vector(word), binary.vector(word))).as(word).isGreaterThan(0.99);
    }
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void fastTextNeedsItsHeader(@TempDir Path dir) throws Exception {
    Path vec = dir.resolve("tiny.vec");
    Files.writeString(vec, "2 3\nhello 0.1 0.2 0.3 \nworld -1 2.5e-1 3E2\n");
    Embeddings embeddings = EmbeddingReader.read(vec, EmbeddingFormat.FASTTEXT);
    assertThat(embeddings.vector("world")).containsExactly(-1f, 0.25f, 300f);
    Path noHeader = dir.resolve("noheader.vec");
    Files.writeString(noHeader, "hello 0.1 0.2 0.3\n");
    assertThatThrownBy(() -> EmbeddingReader.read(noHeader, EmbeddingFormat.FASTTEXT))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(noHeader + ":1:1: expected a header line 'count dimension', found 'hello 0.1 0.2 0.3'");
  }

  @Test
  void word2vecTextWithAHeaderLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("w2v.txt");
    Files.writeString(file, "2 2\r\na 1 2\r\nb 3 4\r\n");
    assertThat(EmbeddingReader.read(file, EmbeddingFormat.WORD2VEC).vector("b")).containsExactly(3f, 4f);
  }

  @Test
  void raggedRowsAndBadNumbersAreLocated(@TempDir Path dir) throws Exception {
    Path ragged = dir.resolve("ragged.txt");
    Files.writeString(ragged, "a 1 2 3\nb 1 2\n");
    assertThatThrownBy(() -> EmbeddingReader.read(ragged, EmbeddingFormat.GLOVE))
        .hasMessage(ragged + ":2:6: expected 3 values after the word, found 2");
    Path tooMany = dir.resolve("many.txt");
    Files.writeString(tooMany, "a 1 2\nb 1 2 3\n");
    assertThatThrownBy(() -> EmbeddingReader.read(tooMany, EmbeddingFormat.GLOVE))
        .hasMessage(tooMany + ":2:7: expected 2 values after the word, found more");
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "a 1 2\nbé 1 x2\n");
    assertThatThrownBy(() -> EmbeddingReader.read(bad, EmbeddingFormat.GLOVE))
        .hasMessage(bad + ":2:6: expected a number, found 'x2'");
    Path lonely = dir.resolve("lonely.txt");
    Files.writeString(lonely, "word\n");
    assertThatThrownBy(() -> EmbeddingReader.read(lonely, EmbeddingFormat.GLOVE))
        .hasMessage(lonely + ":1:1: expected a word followed by numbers, found only 'word'");
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "\n");
    assertThatThrownBy(() -> EmbeddingReader.read(empty, EmbeddingFormat.GLOVE))
        .hasMessage(empty + ": expected word vectors, found none");
  }

  @Test
  void headerThatPromisesMoreThanTheFileHas(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("short.vec");
    Files.writeString(file, "3 2\na 1 2\nb 3 4\n");
    assertThatThrownBy(() -> EmbeddingReader.read(file, EmbeddingFormat.FASTTEXT))
        .hasMessage(file + ":1:1: the header promises 3 vectors, the file has 2");
  }

  @Test
  void truncatedBinaryFile(@TempDir Path dir) throws Exception {
    byte[] whole = Files.readAllBytes(W2V_BIN);
    Path cut = dir.resolve("cut.bin");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> EmbeddingReader.read(cut, EmbeddingFormat.WORD2VEC_BINARY))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("the file is truncated");
  }

  @Test
  void binaryVectorsAreLittleEndianFloats(@TempDir Path dir) throws Exception {
    ByteBuffer body = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    body.put("1 2\nzé ".getBytes(StandardCharsets.UTF_8)).putFloat(1.5f).putFloat(-2f).put((byte) '\n');
    Path file = dir.resolve("one.bin");
    Files.write(file, Arrays.copyOf(body.array(), body.position()));
    assertThat(EmbeddingReader.read(file, EmbeddingFormat.WORD2VEC_BINARY).vector("zé")).containsExactly(1.5f, -2f);
  }

  @Test
  void formatsByName() {
    assertThat(EmbeddingFormat.fromId("word2vec-binary")).isEqualTo(EmbeddingFormat.WORD2VEC_BINARY);
    assertThatThrownBy(() -> EmbeddingFormat.fromId("elmo"))
        .hasMessage("unknown embeddings format 'elmo'; available: glove, word2vec, word2vec-binary, fasttext");
  }
}
