package io.seqpipe.pipelines.translate;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.models.nn.Masks;
import io.seqpipe.models.train.TrainingLoop;
import io.seqpipe.nlp.data.PaddedBatch;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sentence pairs as teacher-forcing inputs (source ids, source lengths, {@code <s>} + target) and labels
 * (target + {@code </s>}, and the mask of real target tokens).
 */
record TranslationBatch(PaddedBatch source, PaddedBatch targetIn, PaddedBatch targetOut) implements TrainingLoop.Batch {

  static TranslationBatch of(List<int[]> sources, List<int[]> targets, int[] indices) {
    List<int[]> src = new ArrayList<>();
    List<int[]> in = new ArrayList<>();
    List<int[]> out = new ArrayList<>();
    for (int index : indices) {
      int[] target = targets.get(index);
      src.add(sources.get(index));
      int[] withBos = new int[target.length + 1];
      withBos[0] = Vocabulary.BOS_ID;
      System.arraycopy(target, 0, withBos, 1, target.length);
      int[] withEos = Arrays.copyOf(target, target.length + 1);
      withEos[target.length] = Vocabulary.EOS_ID;
      in.add(withBos);
      out.add(withEos);
    }
    return new TranslationBatch(PaddedBatch.of(src, Vocabulary.PAD_ID), PaddedBatch.of(in, Vocabulary.PAD_ID),
        PaddedBatch.of(out, Vocabulary.PAD_ID));
  }

  @Override
  public NDList inputs(NDManager manager) {
    return new NDList(manager.create(source.ids(), new Shape(source.rows(), source.columns())),
        manager.create(source.lengths()), manager.create(targetIn.ids(), new Shape(targetIn.rows(), targetIn.columns())));
  }

  @Override
  public NDList labels(NDManager manager) {
    return new NDList(manager.create(targetOut.ids(), new Shape(targetOut.rows(), targetOut.columns())),
        Masks.fromLengths(manager, targetOut.lengths(), targetOut.columns()));
  }

  /** Real target tokens (with {@code </s>}): what the loss is averaged over. */
  @Override
  public long tokens() {
    return targetOut.tokens();
  }
}
