package io.seqpipe.models.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Seqpipe and DJL versions this build was made with, as artifacts and reports record them.
 *
 * <pre>{@code
 * String version = Versions.seqpipe(); // "0.1.0-SNAPSHOT"
 * }</pre>
 */
public final class Versions {
  private static final Properties VERSIONS = load();

  private Versions() {}

  public static String seqpipe() {
    return VERSIONS.getProperty("version");
  }

  public static String djl() {
    return VERSIONS.getProperty("djl");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("versions.properties is missing from the build", e);
    }
  }
}
