package io.seqpipe.seq2seq.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.nlp.data.PaddedBatch;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.util.List;

/** Source sentences as model inputs: padded ids {@code [B, S]} and lengths {@code [B]}. */
record SourceBatch(NDArray ids, NDArray lengths, int[] lengthValues) {

  static SourceBatch of(NDManager manager, List<int[]> sources) {
    PaddedBatch padded = PaddedBatch.of(sources, Vocabulary.PAD_ID);
    return new SourceBatch(manager.create(padded.ids(), new Shape(padded.rows(), padded.columns())),
        manager.create(padded.lengths()), padded.lengths());
  }
}
