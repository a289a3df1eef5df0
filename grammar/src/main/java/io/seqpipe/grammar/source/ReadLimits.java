package io.seqpipe.grammar.source;

/**
 * How much pipeline text one load may read, so that a hostile or broken file ends in a located
 * problem instead of running out of memory, stack or time.
 *
 * <ul>
 *   <li>{@code fileBytes}: the largest pipeline file, 1 MiB (real pipelines are a few KiB);
 *   <li>{@code totalBytes}: all pipeline text one load expands, 16 MiB (a file expanded again because the
 *       variables it reads changed counts again);
 *   <li>{@code includeDepth}: how deep {@code include}s may nest, 32;
 *   <li>{@code nesting}: how deep {@code {}, {@code (} and {@code [} may nest in a {@code .pipe} file,
 *       together, 100 (real pipelines use 5 or fewer). YAML files have Jackson's own limit of 1,000.
 * </ul>
 *
 * <pre>{@code
 * SourceFiles files = new SourceFiles(ReadLimits.DEFAULT);
 * }</pre>
 */
public record ReadLimits(int fileBytes, long totalBytes, int includeDepth, int nesting) {
  public static final ReadLimits DEFAULT = new ReadLimits(1 << 20, 16L << 20, 32, 100);

  /** {@code bytes} as people read it: {@code 1 MiB}, {@code 512 bytes}. */
  public static String size(long bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
  }
}
