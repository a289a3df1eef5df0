package io.seqpipe.pipelines.classify;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.models.train.TrainingLoop;
import io.seqpipe.nlp.data.PaddedBatch;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/** Encoded texts and their label ids as model inputs (ids, lengths) and one-hot labels. */
record ClassificationBatch(PaddedBatch padded, int[] labels, int classes) implements TrainingLoop.Batch {

  static ClassificationBatch of(List<int[]> texts, int[] indices, int[] labelIds, int classes) {
    List<int[]> rows = new ArrayList<>(indices.length);
    int[] labels = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      rows.add(texts.get(indices[i]));
      labels[i] = labelIds[indices[i]];
    }
    return new ClassificationBatch(PaddedBatch.of(rows, Vocabulary.PAD_ID), labels, classes);
  }

  @Override
  public NDList inputs(NDManager manager) {
    return new NDList(manager.create(padded.ids(), new Shape(padded.rows(), padded.columns())),
        manager.create(padded.lengths()));
  }

  @Override
  public NDList labels(NDManager manager) {
    float[] oneHot = new float[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      oneHot[i * classes + labels[i]] = 1f;
    }
    return new NDList(manager.create(oneHot, new Shape(labels.length, classes)));
  }

  @Override
  public long tokens() {
    return padded.tokens();
  }
}
