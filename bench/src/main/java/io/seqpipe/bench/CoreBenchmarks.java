package io.seqpipe.bench;

import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.nlp.analysis.Tokenizer;
import io.seqpipe.nlp.embeddings.EmbeddingFormat;
import io.seqpipe.nlp.embeddings.EmbeddingReader;
import io.seqpipe.nlp.metrics.Bleu;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * nlp-core benchmarks: the {@link Tokenizer} facade against raw Lucene token streams, GloVe loading
 * and corpus BLEU. Prints one Markdown table row per measurement.
 */
public final class CoreBenchmarks {
  private CoreBenchmarks() {}

  public static void main(String[] args) throws Exception {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
    List<String> texts = corpus(shared);
    long chars = texts.stream().mapToLong(String::length).sum();
    System.out.printf(Locale.ROOT, "corpus: %d texts, %.1f MB of text%n%n", texts.size(), chars / 1e6);
    System.out.println("| benchmark | median | throughput | ratio |");
    System.out.println("|---|---|---|---|");
    for (String preset : List.of("standard", "english")) {
      tokenization(preset, texts, chars);
    }
    gloveLoading(shared.resolve("data/embeddings/glove.6B.100d.top50k.txt"));
    bleu(texts);
  }

  /** English text of the shared data: Bible verses, Ding sentences, spam-assassin e-mails. */
  private static List<String> corpus(Path shared) throws Exception {
    List<String> texts = new ArrayList<>();
    texts.addAll(Files.readAllLines(shared.resolve("data/translation/bible-es-en/train.en")));
    texts.addAll(Files.readAllLines(shared.resolve("data/translation/ding-de-en/train.en")));
    for (String line : Files.readAllLines(shared.resolve("data/classification/spam-assassin/train.jsonl"))) {
      int start = line.indexOf("\"text\": \"");
      texts.add(start < 0 ? line : line.substring(start + 9));
    }
    return texts;
  }

  private static void tokenization(String preset, List<String> texts, long chars) throws Exception {
    Tokenizer tokenizer = Tokenizer.of(AnalyzerSpec.preset(preset));
    Analyzer analyzer = tokenizer.analyzer();
    double facade = Measure.medianSeconds(3, 7, () -> {
      long tokens = 0;
      for (String text : texts) {
        tokens += tokenizer.tokens(text).size();
      }
      return tokens;
    });
    double rawStrings = Measure.medianSeconds(3, 7, () -> {
      long tokens = 0;
      for (String text : texts) {
        List<String> list = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
          CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
          stream.reset();
          while (stream.incrementToken()) {
            list.add(term.toString());
          }
          stream.end();
        }
        tokens += list.size();
      }
      return tokens;
    });
    double rawNoCopy = Measure.medianSeconds(3, 7, () -> {
      long tokens = 0;
      for (String text : texts) {
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
          CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
          stream.reset();
          while (stream.incrementToken()) {
            tokens += term.length() > 0 ? 1 : 0;
          }
          stream.end();
        }
      }
      return tokens;
    });
    row("tokenize `" + preset + "`: Tokenizer.tokens()", facade, chars / facade / 1e6, "MB/s", 1.0);
    row("tokenize `" + preset + "`: raw TokenStream, term strings", rawStrings, chars / rawStrings / 1e6, "MB/s",
        rawStrings / facade);
    row("tokenize `" + preset + "`: raw TokenStream, no copy", rawNoCopy, chars / rawNoCopy / 1e6, "MB/s",
        rawNoCopy / facade);
  }

  private static void gloveLoading(Path glove) throws Exception {
    double megabytes = Files.size(glove) / 1e6;
    double seconds = Measure.medianSeconds(2, 5, () -> EmbeddingReader.read(glove, EmbeddingFormat.GLOVE));
    row("load GloVe 100d, 50k words (" + String.format(Locale.ROOT, "%.0f", megabytes) + " MB)", seconds,
        megabytes / seconds, "MB/s", Double.NaN);
  }

  /** 100k hypothesis/reference pairs: references from the corpus, hypotheses with words dropped and swapped. */
  private static void bleu(List<String> texts) throws Exception {
    Random random = new Random(1);
    List<String> refs = new ArrayList<>();
    List<String> hyps = new ArrayList<>();
    for (int i = 0; refs.size() < 100_000; i++) {
      String ref = texts.get(i % texts.size());
      if (ref.length() > 400) {
        ref = ref.substring(0, 400);
      }
      refs.add(ref);
      String[] words = ref.split(" ");
      StringBuilder hyp = new StringBuilder();
      for (int w = 0; w < words.length; w++) {
        if (random.nextInt(8) == 0) {
          continue;
        }
        if (w + 1 < words.length && random.nextInt(10) == 0) {
          hyp.append(words[w + 1]).append(' ').append(words[w]).append(' ');
          w++;
        } else {
          hyp.append(words[w]).append(' ');
        }
      }
      hyps.add(hyp.toString().strip());
    }
    Bleu bleu = Bleu.builder().build();
    double[] score = new double[1];
    double seconds = Measure.medianSeconds(2, 5, () -> {
      score[0] = bleu.corpusScore(hyps, List.of(refs)).score();
      return score[0];
    });
    long bytes = hyps.stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum()
        + refs.stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
    row(String.format(Locale.ROOT, "corpus BLEU, 100k pairs (%.1f MB; BLEU %.2f)", bytes / 1e6, score[0]),
        seconds, 100_000 / seconds, "pairs/s", Double.NaN);
  }

  private static void row(String name, double seconds, double throughput, String unit, double ratio) {
    System.out.printf(Locale.ROOT, "| %s | %.3f s | %.1f %s | %s |%n", name, seconds, throughput, unit,
        Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio));
  }
}
