package io.seqpipe.nlp.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * chrF and chrF++ identical to sacrebleu 2.x: character n-grams up to {@code charOrder} (default 6),
 * optional word n-grams up to {@code wordOrder} (2 gives chrF++), F-beta with beta 2, the best reference
 * chosen per segment.
 *
 * <pre>{@code
 * ChrFScore chrf = ChrF.builder().build().corpusScore(hypotheses, List.of(references));
 * chrf.format(2);  // "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.3 = 54.123"
 * }</pre>
 */
public final class ChrF implements CorpusStatistics {
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private final int charOrder;
  private final int wordOrder;
  private final int beta;
  private final boolean lowercase;
  private final boolean whitespace;
  private final boolean epsSmoothing;

  private ChrF(Builder builder) {
    this.charOrder = builder.charOrder;
    this.wordOrder = builder.wordOrder;
    this.beta = builder.beta;
    this.lowercase = builder.lowercase;
    this.whitespace = builder.whitespace;
    this.epsSmoothing = builder.epsSmoothing;
  }

  public static Builder builder() {
    return new Builder();
  }

  public ChrFScore corpusScore(List<String> hypotheses, List<List<String>> referenceStreams) {
    long[][] segments = statistics(hypotheses, referenceStreams);
    int refsColumn = 3 * (charOrder + wordOrder);
    int minRefs = segments.length == 0 ? referenceStreams.size() : Integer.MAX_VALUE;
    int maxRefs = segments.length == 0 ? referenceStreams.size() : 0;
    for (long[] segment : segments) {
      minRefs = Math.min(minRefs, (int) segment[refsColumn]);
      maxRefs = Math.max(maxRefs, (int) segment[refsColumn]);
    }
    String name = "chrF" + beta + "+".repeat(wordOrder);
    return new ChrFScore(name, score(CorpusStatistics.sum(segments, Bleu.allSegments(segments.length))),
        signature(MetricSignature.nrefs(minRefs, maxRefs)));
  }

  /** chrF of summed segment statistics. */
  @Override
  public double score(long[] sums) {
    return fScore(sums);
  }

  public ChrFScore sentenceScore(String hypothesis, List<String> references) {
    return corpusScore(List.of(hypothesis), references.stream().map(List::of).toList());
  }

  /** sacrebleu's signature, e.g. {@code nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.3}. */
  public String signature(String nrefs) {
    return "nrefs:" + nrefs + "|case:" + (lowercase ? "lc" : "mixed") + "|eff:" + (epsSmoothing ? "no" : "yes")
        + "|nc:" + charOrder + "|nw:" + wordOrder + "|space:" + (whitespace ? "yes" : "no")
        + "|version:" + MetricSignature.SACREBLEU_VERSION;
  }

  /** [hyp, ref, match] per order, chars then words, then the number of references used. */
  @Override
  public long[] segmentStatistics(int index, String hypothesis, List<List<String>> referenceStreams) {
    List<Map<String, Integer>> hypNgrams = ngrams(preprocess(hypothesis));
    long[] best = null;
    double bestF = -1;
    int refs = 0;
    for (List<String> stream : referenceStreams) {
      String reference = stream.get(index);
      if (reference == null || reference.isEmpty()) {
        continue;
      }
      refs++;
      List<Map<String, Integer>> refNgrams = ngrams(preprocess(reference));
      long[] stats = new long[3 * (charOrder + wordOrder) + 1];
      for (int k = 0; k < hypNgrams.size(); k++) {
        matchStatistics(hypNgrams.get(k), refNgrams.get(k), stats, 3 * k);
      }
      double f = fScore(stats);
      if (f > bestF) {
        bestF = f;
        best = stats;
      }
    }
    if (refs == 0) {
      throw new IllegalArgumentException("segment " + (index + 1) + " has no non-empty reference");
    }
    best[best.length - 1] = refs;
    return best;
  }

  private String preprocess(String segment) {
    return lowercase ? PythonText.lower(segment) : segment;
  }

  private List<Map<String, Integer>> ngrams(String segment) {
    List<Map<String, Integer>> all = new ArrayList<>(charOrder + wordOrder);
    int[] chars = (whitespace ? segment : PythonText.removeSpaces(segment)).codePoints().toArray();
    for (int n = 1; n <= charOrder; n++) {
      Map<String, Integer> counts = new HashMap<>();
      for (int i = 0; i + n <= chars.length; i++) {
        counts.merge(new String(chars, i, n), 1, Integer::sum);
      }
      all.add(counts);
    }
    if (wordOrder > 0) {
      List<String> words = separatePunctuation(segment);
      for (int n = 1; n <= wordOrder; n++) {
        all.add(NGrams.count(words, n, n));
      }
    }
    return all;
  }

  /** sacrebleu's {@code _remove_punctuation}: splits one leading or trailing ASCII punctuation mark. */
  private static List<String> separatePunctuation(String segment) {
    List<String> tokens = new ArrayList<>();
    for (String word : PythonText.split(segment)) {
      if (word.codePointCount(0, word.length()) == 1) {
        tokens.add(word);
      } else if (PUNCTUATION.indexOf(word.charAt(word.length() - 1)) >= 0) {
        tokens.add(word.substring(0, word.length() - 1));
        tokens.add(word.substring(word.length() - 1));
      } else if (PUNCTUATION.indexOf(word.charAt(0)) >= 0) {
        tokens.add(word.substring(0, 1));
        tokens.add(word.substring(1));
      } else {
        tokens.add(word);
      }
    }
    return tokens;
  }

  private static void matchStatistics(Map<String, Integer> hyp, Map<String, Integer> ref, long[] stats, int at) {
    long match = 0;
    long hypCount = 0;
    for (Map.Entry<String, Integer> ngram : hyp.entrySet()) {
      hypCount += ngram.getValue();
      Integer refCount = ref.get(ngram.getKey());
      if (refCount != null) {
        match += Math.min(ngram.getValue(), refCount);
      }
    }
    long refTotal = 0;
    for (int count : ref.values()) {
      refTotal += count;
    }
    stats[at] = ref.isEmpty() ? 0 : hypCount;
    stats[at + 1] = refTotal;
    stats[at + 2] = match;
  }

  /** sacrebleu's {@code _compute_f_score}: 0..100. */
  private double fScore(long[] stats) {
    double eps = 1e-16;
    double factor = (double) beta * beta;
    double score = 0;
    double avgPrec = 0;
    double avgRec = 0;
    int effectiveOrder = 0;
    int order = charOrder + wordOrder;
    for (int i = 0; i < order; i++) {
      long hyp = stats[3 * i];
      long ref = stats[3 * i + 1];
      long match = stats[3 * i + 2];
      double prec = hyp > 0 ? (double) match / hyp : eps;
      double rec = ref > 0 ? (double) match / ref : eps;
      double denom = factor * prec + rec;
      score += denom > 0 ? (1 + factor) * prec * rec / denom : eps;
      if (hyp > 0 && ref > 0) {
        avgPrec += prec;
        avgRec += rec;
        effectiveOrder++;
      }
    }
    if (epsSmoothing) {
      return 100 * score / order;
    }
    if (effectiveOrder == 0) {
      avgPrec = 0;
      avgRec = 0;
    } else {
      avgPrec /= effectiveOrder;
      avgRec /= effectiveOrder;
    }
    if (avgPrec + avgRec != 0) {
      return 100 * (1 + factor) * avgPrec * avgRec / (factor * avgPrec + avgRec);
    }
    return 0.0;
  }

  /** Options of {@link ChrF}; the defaults are sacrebleu's chrF2. */
  public static final class Builder {
    private int charOrder = 6;
    private int wordOrder;
    private int beta = 2;
    private boolean lowercase;
    private boolean whitespace;
    private boolean epsSmoothing;

    private Builder() {}

    public Builder charOrder(int charOrder) {
      if (charOrder < 1) {
        throw new IllegalArgumentException("character order must be >= 1, got " + charOrder);
      }
      this.charOrder = charOrder;
      return this;
    }

    /** Word n-gram order; 2 gives chrF++. */
    public Builder wordOrder(int wordOrder) {
      if (wordOrder < 0) {
        throw new IllegalArgumentException("word order must be >= 0, got " + wordOrder);
      }
      this.wordOrder = wordOrder;
      return this;
    }

    public Builder beta(int beta) {
      this.beta = beta;
      return this;
    }

    public Builder lowercase(boolean lowercase) {
      this.lowercase = lowercase;
      return this;
    }

    /** Keep whitespace inside character n-grams. */
    public Builder whitespace(boolean whitespace) {
      this.whitespace = whitespace;
      return this;
    }

    /** chrF++.py's epsilon smoothing instead of sacrebleu's effective order. */
    public Builder epsSmoothing(boolean epsSmoothing) {
      this.epsSmoothing = epsSmoothing;
      return this;
    }

    public ChrF build() {
      return new ChrF(this);
    }
  }
}
