package io.seqpipe.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Candidates picked on the device (PyTorch's top-k) equal those scanned on the host (MXNet). */
class RowCandidatesTest {
  private static final int ROWS = 6;
  private static final int VOCABULARY = 50;

  private static RowCandidates candidates(EngineChoice engine, float[] logits, int length, SearchSettings settings) {
    try (NDManager manager = NDManager.newBaseManager(engine.djlName())) {
      NDArray logProbs = manager.create(logits, new Shape(ROWS, logits.length / ROWS)).logSoftmax(1);
      return RowCandidates.of(logProbs, 4, length, new TokenRules(settings), row -> new int[length]);
    }
  }

  @Test
  void deviceAndHostPickTheSameCandidatesUnderTheSameRules() {
    Random random = new Random(3);
    float[] logits = new float[ROWS * VOCABULARY];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) random.nextGaussian() * 3;
    }
    logits[Vocabulary.EOS_ID] = 50; // row 0 wants </s> most, before and after the minimum length
    logits[Vocabulary.PAD_ID + VOCABULARY] = 50; // row 1 wants <pad>, never allowed
    logits[Vocabulary.PAD_ID + 2 * VOCABULARY] = 48; // row 2 wants every forbidden token before any other
    logits[Vocabulary.BOS_ID + 2 * VOCABULARY] = 49;
    logits[Vocabulary.EOS_ID + 2 * VOCABULARY] = 50;
    SearchSettings settings = new SearchSettings(4, LengthPenalty.NONE, 2.0, 2, 1, 0);
    for (int length : new int[] {1, 2}) {
      RowCandidates host = candidates(EngineChoice.MXNET, logits, length, settings);
      RowCandidates device = candidates(EngineChoice.PYTORCH, logits, length, settings);
      assertThat(device.ids()).isDeepEqualTo(host.ids());
      for (int row = 0; row < ROWS; row++) {
        assertThat(device.values()[row]).containsExactly(host.values()[row], Offset.offset(1e-5f));
        assertThat(host.ids()[row]).doesNotContain(Vocabulary.PAD_ID, Vocabulary.BOS_ID);
      }
      assertThat(host.ids()[0][0] == Vocabulary.EOS_ID).isEqualTo(length >= 2);
      assertThat(host.ids()[2][0] == Vocabulary.EOS_ID).isEqualTo(length >= 2);
    }
  }

  @Test
  void fewerAllowedTokensThanCandidatesLeaveMinusInfinityOnBoth() {
    Random random = new Random(5);
    int vocabulary = Vocabulary.EOS_ID + 2; // <pad>, <unk>, <s>, </s> and one word: at most 3 allowed of 4 asked
    float[] logits = new float[ROWS * vocabulary];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) random.nextGaussian();
    }
    SearchSettings settings = new SearchSettings(4, LengthPenalty.NONE, 2.0, 2, 1, 0);
    for (int length : new int[] {1, 2}) {
      RowCandidates host = candidates(EngineChoice.MXNET, logits, length, settings);
      RowCandidates device = candidates(EngineChoice.PYTORCH, logits, length, settings);
      assertThat(device.ids()).isDeepEqualTo(host.ids());
      int allowed = vocabulary - (length < 2 ? 3 : 2);
      for (int row = 0; row < ROWS; row++) {
        assertThat(Arrays.stream(host.ids()[row]).filter(id -> id >= 0)).hasSize(allowed);
        assertThat(device.values()[row]).usingComparatorWithPrecision(1e-5f)
            .startsWith(Arrays.copyOf(host.values()[row], allowed));
        for (int i = allowed; i < 4; i++) {
          assertThat(device.values()[row][i]).isEqualTo(host.values()[row][i]).isEqualTo(Float.NEGATIVE_INFINITY);
        }
      }
    }
  }
}
