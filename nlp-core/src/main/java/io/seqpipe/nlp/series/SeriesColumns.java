package io.seqpipe.nlp.series;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns of a series file are read: the time column, the targets to forecast and the covariates
 * that help; and what a missing value means.
 *
 * <pre>{@code
 * SeriesColumns columns = new SeriesColumns("date", List.of("ridership"), List.of("temp"), MissingValues.ERROR);
 * }</pre>
 *
 * @param time the time column
 * @param targets the columns forecast, at least one
 * @param covariates further input columns (known only up to the forecast origin)
 * @param missing what to do with an empty or {@code NA} value
 */
public record SeriesColumns(String time, List<String> targets, List<String> covariates, MissingValues missing) {

  /** Missing values: an error naming the line, or the previous row's value carried forward. */
  public enum MissingValues {
    ERROR("error"),
    PREVIOUS("previous");

    private final String id;

    MissingValues(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static MissingValues fromId(String id) {
      for (MissingValues value : values()) {
        if (value.id.equals(id)) {
          return value;
        }
      }
      throw new IllegalArgumentException("unknown missing-value policy '" + id + "' (known: error, previous)");
    }
  }

  public SeriesColumns {
    targets = List.copyOf(targets);
    covariates = List.copyOf(covariates);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a series needs at least one target column");
    }
  }

  /** Targets, then covariates: the value columns in order. */
  public List<String> values() {
    List<String> all = new ArrayList<>(targets);
    all.addAll(covariates);
    return all;
  }
}
