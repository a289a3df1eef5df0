package io.seqpipe.spark;

import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.model.TrainedModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A model directory shipped to the executors once per job and loaded once per executor JVM. The driver
 * packs the directory into a zip archive, uncompressed (compressing a model's parameters took the driver 1 s
 * of each job's start-up and saved 9% of their size), and adds it to the job ({@code
 * SparkContext.addArchive}: Spark's {@code addFile} takes local directories only in local mode); each
 * executor fetches and unpacks it once, and {@link #open()} loads it on first use and hands every later
 * task of that JVM the same model.
 *
 * <pre>{@code
 * ShippedModel model = ShippedModel.ship(sc, Path.of("runs/ding/model"), ModelOptions.of(null, "cpu"));
 * rdd.mapPartitions(rows -> { TrainedModel m = model.open(); ... });
 * }</pre>
 *
 * @param archive the archive's name among the job's files
 * @param engine the engine id, or null for the model's own
 * @param device the device name, or null for auto
 */
record ShippedModel(String archive, String engine, String device) implements Serializable {
  private static final Map<Path, TrainedModel> LOADED = new ConcurrentHashMap<>();

  /** Packs {@code directory} into the driver's temporary directory and adds it to the job. */
  static ShippedModel ship(JavaSparkContext sc, Path directory, String engine, String device) throws IOException {
    Path zip = Files.createTempDirectory("seqpipe-model").resolve("model.zip");
    zip.getParent().toFile().deleteOnExit(); // deleted in the reverse order of registration: the file, then its folder
    zip.toFile().deleteOnExit();
    pack(directory, zip);
    sc.sc().addArchive(zip.toUri().toString());
    return new ShippedModel(zip.getFileName().toString(), engine, device);
  }

  /** The model in this JVM, loaded from the unpacked archive on first use; shared by the JVM's tasks. */
  TrainedModel open() {
    Path directory = Path.of(SparkFiles.get(archive)).toAbsolutePath();
    return LOADED.computeIfAbsent(directory, dir -> {
      try {
        return Pipelines.loadModel(dir, ModelOptions.of(engine, device));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void pack(Path directory, Path zip) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
      zipped.setLevel(Deflater.NO_COMPRESSION);
      for (Path file : files) {
        zipped.putNextEntry(new ZipEntry(directory.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zipped);
        zipped.closeEntry();
      }
    }
  }
}
