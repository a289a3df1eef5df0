package io.seqpipe.nlp.series;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The regular step between the times of a series: whole months ({@code 1} for monthly, {@code 3} for
 * quarterly data) or a fixed duration in seconds (a day, an hour), and the season it implies when none
 * is declared (7 for daily data, 12 for monthly, 24 for hourly, ...).
 *
 * <pre>{@code
 * TimeStep daily = TimeStep.between(LocalDateTime.parse("2015-01-01T00:00"), LocalDateTime.parse("2015-01-02T00:00"));
 * daily.next(time);          // one day later
 * daily.defaultSeason();     // 7
 * }</pre>
 *
 * @param months whole months per step (0 for a fixed duration)
 * @param seconds seconds per step (0 for months)
 */
public record TimeStep(int months, long seconds) {
  private static final long DAY = 86_400;

  public TimeStep {
    if ((months > 0) == (seconds > 0)) {
      throw new IllegalArgumentException("a step is whole months or a positive duration, found " + months
          + " months and " + seconds + " s");
    }
  }

  /** The step from {@code first} to {@code second}; null when {@code second} is not after {@code first}. */
  public static TimeStep between(LocalDateTime first, LocalDateTime second) {
    if (!second.isAfter(first)) {
      return null;
    }
    long months = ChronoUnit.MONTHS.between(first, second);
    if (months > 0 && first.plusMonths(months).equals(second) && first.getDayOfMonth() == second.getDayOfMonth()) {
      return new TimeStep((int) months, 0);
    }
    return new TimeStep(0, Duration.between(first, second).getSeconds());
  }

  /** The time one step after {@code time}. */
  public LocalDateTime next(LocalDateTime time) {
    return months > 0 ? time.plusMonths(months) : time.plusSeconds(seconds);
  }

  /** The season length of data at this step when none is declared: 1 where there is no usual cycle. */
  public int defaultSeason() {
    if (months > 0) {
      return months == 1 ? 12 : months == 3 ? 4 : 1;
    }
    if (seconds == DAY) {
      return 7;
    }
    if (seconds == 7 * DAY) {
      return 52;
    }
    if (DAY % seconds == 0) {
      return (int) (DAY / seconds);
    }
    return 1;
  }

  /** The step in words, for messages: {@code 1 month}, {@code 1 day}, {@code 3600 s}. */
  public String describe() {
    if (months > 0) {
      return months + (months == 1 ? " month" : " months");
    }
    if (seconds % DAY == 0) {
      long days = seconds / DAY;
      return days + (days == 1 ? " day" : " days");
    }
    return seconds + " s";
  }
}
