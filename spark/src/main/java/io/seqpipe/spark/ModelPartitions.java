package io.seqpipe.spark;

import io.seqpipe.pipelines.model.TrainedModel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * The work of one partition on an executor: its rows, in input order with their line numbers, go through
 * the model a window at a time (lines {@code k*window} to {@code (k+1)*window-1}, which {@link LinePartitioner}
 * keeps in one partition: the windows of {@code seqpipe translate}, sorted by length into the same token batches), and come out as output lines or as rows with the result columns, in the same order.
 * Tasks of one executor share its model. On an engine that runs one model from several threads (PyTorch) they
 * run side by side, each with its task's cores ({@code spark.task.cpus}, one by default) as engine threads, and
 * a translation task searches up to the executor's {@code cores} batches side by side, as {@code seqpipe translate
 * --threads} does, sharing the model's engine threads with the executor's other tasks ({@link
 * io.seqpipe.pipelines.model.InferenceThreads}): while every core has a task each task searches one batch at a
 * time, and the last task running gets all the cores. On MXNet the tasks take turns with the model, each with all
 * the executor's engine threads.
 *
 * <pre>{@code
 * JavaRDD<String> lines = ordered.mapPartitions(new ModelPartitions(model, answers, 2000, 0, 2).lines());
 * }</pre>
 *
 * @param column the position of the text in each row
 * @param cores the cores of one executor ({@link EngineThreads#executorCores})
 */
record ModelPartitions(ShippedModel model, Answers answers, int window, int column, int cores)
    implements Serializable {
  ModelPartitions {
    if (window < 1) {
      throw new IllegalArgumentException("--window must be >= 1, got " + window);
    }
  }

  /** Output lines, as {@code seqpipe translate} or {@code seqpipe predict} writes them. */
  FlatMapFunction<Iterator<Tuple2<Long, Row>>, String> lines() {
    return rows -> windows(rows,
        (loaded, first, texts, rowsOfWindow) -> answers.lines(loaded, first, texts, cores));
  }

  /** The rows with the result columns appended. */
  FlatMapFunction<Iterator<Tuple2<Long, Row>>, Row> rows() {
    return rows -> windows(rows, (loaded, first, texts, rowsOfWindow) -> {
      List<Object[]> values = answers.values(loaded, texts, cores);
      List<Row> out = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        Row row = rowsOfWindow.get(i);
        Object[] fields = new Object[row.length() + values.get(i).length];
        for (int f = 0; f < row.length(); f++) {
          fields[f] = row.get(f);
        }
        System.arraycopy(values.get(i), 0, fields, row.length(), values.get(i).length);
        out.add(RowFactory.create(fields));
      }
      return out;
    });
  }

  private interface Window<R> {
    List<R> apply(TrainedModel model, long firstIndex, List<String> texts, List<Row> rows);
  }

  private <R> Iterator<R> windows(Iterator<Tuple2<Long, Row>> input, Window<R> work) {
    BufferedIterator<Tuple2<Long, Row>> rows = new BufferedIterator<>(input);
    return new Iterator<>() {
      private Iterator<R> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && rows.hasNext()) {
          current = window(rows, work).iterator();
        }
        return current.hasNext();
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private <R> List<R> window(BufferedIterator<Tuple2<Long, Row>> rows, Window<R> work) {
    long first = -1;
    List<String> texts = new ArrayList<>(window);
    List<Row> rowsOfWindow = new ArrayList<>(window);
    while (rows.hasNext() && (first < 0 || rows.head()._1() / window == first / window)) {
      Tuple2<Long, Row> indexed = rows.next();
      first = first < 0 ? indexed._1() : first;
      Row row = indexed._2();
      rowsOfWindow.add(row);
      texts.add(row.isNullAt(column) ? "" : row.getString(column));
    }
    TrainedModel loaded = model.open();
    if (loaded.handle().concurrentInference()) {
      loaded.handle().prepareInferenceThread(TaskContext.get().cpus());
      return work.apply(loaded, first, texts, rowsOfWindow);
    }
    synchronized (loaded) {
      return work.apply(loaded, first, texts, rowsOfWindow);
    }
  }

  /** An iterator that shows its next element. */
  private static final class BufferedIterator<T> implements Iterator<T> {
    private final Iterator<T> input;
    private T head;

    BufferedIterator(Iterator<T> input) {
      this.input = input;
    }

    T head() {
      if (head == null) {
        head = input.next();
      }
      return head;
    }

    @Override
    public boolean hasNext() {
      return head != null || input.hasNext();
    }

    @Override
    public T next() {
      T next = head();
      head = null;
      return next;
    }
  }
}
