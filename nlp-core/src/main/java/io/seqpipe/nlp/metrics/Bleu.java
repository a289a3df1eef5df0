package io.seqpipe.nlp.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Corpus and sentence BLEU, identical to sacrebleu 2.x: same tokenizers, smoothing, reference-length
 * choice, effective order and signature.
 *
 * <pre>{@code
 * Bleu bleu = Bleu.builder().build();                        // 13a, exp smoothing, order 4
 * BleuScore score = bleu.corpusScore(hypotheses, List.of(references));
 * score.score();        // 0..100
 * score.format(2);      // "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.3 = 48.53 ..."
 * }</pre>
 *
 * <p>References come as streams, as in sacrebleu: {@code references.get(r).get(i)} is the r-th
 * reference of segment i. Empty references are skipped; a segment needs at least one. Immutable and
 * thread-safe; segments are scored in parallel.
 */
public final class Bleu implements CorpusStatistics {
  private final BleuTokenizer tokenizer;
  private final Smoothing smoothing;
  private final double smoothValue;
  private final int maxOrder;
  private final boolean lowercase;
  private final boolean effectiveOrder;

  private Bleu(Builder builder) {
    this.tokenizer = builder.tokenizer;
    this.smoothing = builder.smoothing;
    this.smoothValue = Double.isNaN(builder.smoothValue) ? smoothing.defaultValue() : builder.smoothValue;
    this.maxOrder = builder.maxOrder;
    this.lowercase = builder.lowercase;
    this.effectiveOrder = builder.effectiveOrder;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Corpus BLEU of {@code hypotheses} against one or more reference streams. */
  public BleuScore corpusScore(List<String> hypotheses, List<List<String>> referenceStreams) {
    long[][] segments = statistics(hypotheses, referenceStreams);
    int refsColumn = 2 * maxOrder + 2;
    int minRefs = segments.length == 0 ? referenceStreams.size() : Integer.MAX_VALUE;
    int maxRefs = segments.length == 0 ? referenceStreams.size() : 0;
    for (long[] segment : segments) {
      minRefs = Math.min(minRefs, (int) segment[refsColumn]);
      maxRefs = Math.max(maxRefs, (int) segment[refsColumn]);
    }
    return fromSums(CorpusStatistics.sum(segments, allSegments(segments.length)), MetricSignature.nrefs(minRefs, maxRefs));
  }

  /** BLEU of summed segment statistics. */
  @Override
  public double score(long[] sums) {
    return fromSums(sums, "1").score();
  }

  private BleuScore fromSums(long[] sums, String nrefs) {
    long[] correct = new long[maxOrder];
    long[] total = new long[maxOrder];
    System.arraycopy(sums, 0, correct, 0, maxOrder);
    System.arraycopy(sums, maxOrder, total, 0, maxOrder);
    return fromStatistics(correct, total, sums[2 * maxOrder], sums[2 * maxOrder + 1], nrefs);
  }

  static int[] allSegments(int count) {
    return IntStream.range(0, count).toArray();
  }

  /** Sentence BLEU of one hypothesis against its references (effective order as configured). */
  public BleuScore sentenceScore(String hypothesis, List<String> references) {
    return corpusScore(List.of(hypothesis), references.stream().map(List::of).toList());
  }

  /**
   * BLEU from sufficient statistics, as sacrebleu's {@code compute_bleu}.
   *
   * @param correct clipped n-gram matches per order (length = max order)
   * @param total hypothesis n-grams per order
   */
  public BleuScore fromStatistics(long[] correct, long[] total, long sysLen, long refLen) {
    return fromStatistics(correct, total, sysLen, refLen, "1");
  }

  private BleuScore fromStatistics(long[] correct, long[] total, long sysLen, long refLen, String nrefs) {
    double brevityPenalty = sysLen < refLen ? (sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0) : 1.0;
    double[] precisions = new double[maxOrder];
    String signature = signature(nrefs);
    boolean anyCorrect = false;
    for (long c : correct) {
      anyCorrect |= c > 0;
    }
    if (!anyCorrect) {
      return new BleuScore(0.0, correct, total, precisions, brevityPenalty, sysLen, refLen, signature);
    }
    double smoothMteval = 1.0;
    int order = maxOrder;
    for (int n = 1; n <= maxOrder; n++) {
      double c = correct[n - 1];
      double t = total[n - 1];
      if (smoothing == Smoothing.ADD_K && n > 1) {
        c += smoothValue;
        t += smoothValue;
      }
      if (t == 0) {
        break;
      }
      if (effectiveOrder) {
        order = n;
      }
      if (c == 0) {
        if (smoothing == Smoothing.EXP) {
          smoothMteval *= 2;
          precisions[n - 1] = 100.0 / (smoothMteval * t);
        } else if (smoothing == Smoothing.FLOOR) {
          precisions[n - 1] = 100.0 * smoothValue / t;
        }
      } else {
        precisions[n - 1] = 100.0 * c / t;
      }
    }
    double logSum = 0;
    for (int n = 0; n < order; n++) {
      logSum += precisions[n] == 0.0 ? -9999999999.0 : Math.log(precisions[n]);
    }
    double score = brevityPenalty * Math.exp(logSum / order);
    return new BleuScore(score, correct, total, precisions, brevityPenalty, sysLen, refLen, signature);
  }

  /** sacrebleu's signature, e.g. {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.3}. */
  public String signature(String nrefs) {
    String smooth = smoothing.id() + (smoothing.takesValue() ? "[" + PythonText.fixed(smoothValue, 2) + "]" : "");
    return "nrefs:" + nrefs + "|case:" + (lowercase ? "lc" : "mixed") + "|eff:" + (effectiveOrder ? "yes" : "no")
        + "|tok:" + tokenizer.id() + "|smooth:" + smooth + "|version:" + MetricSignature.SACREBLEU_VERSION;
  }

  /** [correct x maxOrder, total x maxOrder, hypLen, refLen, number of references]. */
  @Override
  public long[] segmentStatistics(int index, String hypothesis, List<List<String>> referenceStreams) {
    List<String> hypTokens = PythonText.split(preprocess(hypothesis));
    List<List<String>> refTokens = new ArrayList<>(referenceStreams.size());
    int hypLen = hypTokens.size();
    int closestDiff = -1;
    int closestLen = -1;
    for (List<String> stream : referenceStreams) {
      String reference = stream.get(index);
      if (reference == null || reference.isEmpty()) {
        continue;
      }
      List<String> tokens = PythonText.split(preprocess(reference));
      refTokens.add(tokens);
      int refLen = tokens.size();
      int diff = Math.abs(hypLen - refLen);
      if (closestDiff == -1 || diff < closestDiff) {
        closestDiff = diff;
        closestLen = refLen;
      } else if (diff == closestDiff && refLen < closestLen) {
        closestLen = refLen;
      }
    }
    if (refTokens.isEmpty()) {
      throw new IllegalArgumentException("segment " + (index + 1) + " has no non-empty reference");
    }
    long[] correct = new long[maxOrder];
    long[] total = new long[maxOrder];
    ClippedCounts.add(hypTokens, refTokens, maxOrder, correct, total);
    long[] stats = new long[2 * maxOrder + 3];
    System.arraycopy(correct, 0, stats, 0, maxOrder);
    System.arraycopy(total, 0, stats, maxOrder, maxOrder);
    stats[2 * maxOrder] = hypLen;
    stats[2 * maxOrder + 1] = closestLen;
    stats[2 * maxOrder + 2] = refTokens.size();
    return stats;
  }

  private String preprocess(String segment) {
    return tokenizer.tokenize(PythonText.rstrip(lowercase ? PythonText.lower(segment) : segment));
  }

  /** Options of {@link Bleu}; the defaults are sacrebleu's. */
  public static final class Builder {
    private BleuTokenizer tokenizer = BleuTokenizer.THIRTEEN_A;
    private Smoothing smoothing = Smoothing.EXP;
    private double smoothValue = Double.NaN;
    private int maxOrder = 4;
    private boolean lowercase;
    private boolean effectiveOrder;

    private Builder() {}

    public Builder tokenizer(BleuTokenizer tokenizer) {
      this.tokenizer = tokenizer;
      return this;
    }

    public Builder smoothing(Smoothing smoothing) {
      this.smoothing = smoothing;
      return this;
    }

    /** The value of {@code floor} or {@code add-k} smoothing; NaN for the method's default. */
    public Builder smoothValue(double smoothValue) {
      this.smoothValue = smoothValue;
      return this;
    }

    public Builder maxOrder(int maxOrder) {
      if (maxOrder < 1) {
        throw new IllegalArgumentException("max n-gram order must be >= 1, got " + maxOrder);
      }
      this.maxOrder = maxOrder;
      return this;
    }

    public Builder lowercase(boolean lowercase) {
      this.lowercase = lowercase;
      return this;
    }

    /** Average only over the orders the hypothesis has n-grams of (sacrebleu's sentence-BLEU default). */
    public Builder effectiveOrder(boolean effectiveOrder) {
      this.effectiveOrder = effectiveOrder;
      return this;
    }

    public Bleu build() {
      return new Bleu(this);
    }
  }
}
