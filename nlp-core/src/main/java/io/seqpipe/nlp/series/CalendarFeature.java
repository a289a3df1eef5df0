package io.seqpipe.nlp.series;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Features derived from a row's time: the day of the week and the month (one-hot), and whether the day
 * is a US federal holiday ({@link UsHolidays}). Being functions of time alone, they are known for the
 * steps forecast as well as for the history.
 *
 * <pre>{@code
 * double[] out = new double[CalendarFeature.width(features)];
 * CalendarFeature.write(features, time, out, 0);
 * }</pre>
 */
public enum CalendarFeature {
  DAY_OF_WEEK("day_of_week", 7),
  MONTH("month", 12),
  HOLIDAY_US("holiday_us", 1);

  private final String id;
  private final int width;

  CalendarFeature(String id, int width) {
    this.id = id;
    this.width = width;
  }

  /** The name in pipeline files. */
  public String id() {
    return id;
  }

  public static CalendarFeature fromId(String id) {
    for (CalendarFeature feature : values()) {
      if (feature.id.equals(id)) {
        return feature;
      }
    }
    throw new IllegalArgumentException("unknown calendar feature '" + id + "' (known: day_of_week, month, holiday_us)");
  }

  /** Values this feature writes per time. */
  public int width() {
    return width;
  }

  /** Writes this feature of {@code time} into {@code out} from {@code offset}. */
  public void write(LocalDateTime time, double[] out, int offset) {
    switch (this) {
      case DAY_OF_WEEK -> out[offset + time.getDayOfWeek().getValue() - 1] = 1;
      case MONTH -> out[offset + time.getMonthValue() - 1] = 1;
      case HOLIDAY_US -> out[offset] = UsHolidays.isHoliday(time.toLocalDate()) ? 1 : 0;
    }
  }

  /** Values all of {@code features} write per time. */
  public static int width(List<CalendarFeature> features) {
    return features.stream().mapToInt(CalendarFeature::width).sum();
  }

  /** Writes every feature of {@code time} in order into {@code out} from {@code offset}. */
  public static void write(List<CalendarFeature> features, LocalDateTime time, double[] out, int offset) {
    for (CalendarFeature feature : features) {
      feature.write(time, out, offset);
      offset += feature.width();
    }
  }
}
