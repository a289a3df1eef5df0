package io.seqpipe.grammar.bind;

import io.seqpipe.grammar.ComponentNames;
import io.seqpipe.grammar.bind.Section.Component;
import io.seqpipe.grammar.spec.AnalyzerChoice;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.DataSpec;
import io.seqpipe.grammar.spec.DecoderSpec;
import io.seqpipe.grammar.spec.EmbeddingsSpec;
import io.seqpipe.grammar.spec.EncoderSpec;
import io.seqpipe.grammar.spec.PipelineKind;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.SearchSpec;
import io.seqpipe.grammar.spec.TrainSpec;
import io.seqpipe.grammar.spec.TrainSpec.EarlyStopSpec;
import io.seqpipe.grammar.spec.TrainSpec.OptimizerSpec;
import io.seqpipe.grammar.spec.TrainSpec.ScheduleSpec;
import io.seqpipe.grammar.spec.VocabularySpec;
import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Call;
import io.seqpipe.grammar.tree.Node.Empty;
import io.seqpipe.grammar.tree.Node.Entry;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a pipeline tree into a {@link PipelineSpec}, filling defaults and checking every value: names
 * against the registry, types, ranges, required entries, and that named files exist (relative to the
 * pipeline file's directory). All problems are collected; the spec is null if there was any.
 *
 * <pre>{@code
 * PipelineSpec spec = new SpecBinder(names, baseDir, problems).bind(root);
 * problems.throwIfAny();
 * }</pre>
 */
public final class SpecBinder {
  public static final Set<String> KINDS = Set.of("classify", "translate");
  public static final Set<String> CLASSIFY_METRICS =
      Set.of("accuracy", "f1_macro", "f1_micro", "f1_weighted", "precision_macro", "recall_macro");
  public static final Set<String> TRANSLATE_METRICS = Set.of("bleu", "chrf");
  public static final Set<String> CLASS_WEIGHTS = Set.of("none", "balanced");
  public static final Set<String> EMBEDDINGS = Set.of(EmbeddingsSpec.LEARNED, "glove", "word2vec", "word2vec-binary", "fasttext");
  public static final Set<String> ENCODERS = Set.of("lstm", "gru", "bilstm", "bigru");
  public static final Set<String> POOLINGS = Set.of("last", "mean", "max", "attention");
  public static final Set<String> DECODERS = Set.of("lstm", "gru");
  public static final Set<String> ATTENTIONS = Set.of("bahdanau", "luong_dot", "luong_general");
  public static final Set<String> SEARCHES = Set.of("greedy", "beam");
  public static final Set<String> OPTIMIZERS = Set.of("adam", "adamw", "sgd");
  public static final Set<String> SCHEDULES = Set.of("constant", "plateau", "cosine", "warmup_linear");
  public static final Set<String> ENGINES = Set.of("mxnet", "pytorch");
  private static final String LANGUAGE = "[a-z]{2,3}([-_][A-Za-z0-9]+)?";
  private static final String DEVICE = "auto|cpu|gpu|gpu:[0-9]+";

  private final ComponentNames names;
  private final Path baseDir;
  private final Problems problems;

  public SpecBinder(ComponentNames names, Path baseDir, Problems problems) {
    this.names = names;
    this.baseDir = baseDir;
    this.problems = problems;
  }

  /** The spec, or null if any problem was found (they are in the collector). */
  public PipelineSpec bind(Block rootBlock) {
    int before = problems.list().size();
    Section root = new Section("", rootBlock.position(), rootBlock.entries(), problems);
    String name = root.text("pipeline", null);
    if (name == null && !root.has("pipeline")) {
      root.missing("pipeline", "the pipeline's name");
    }
    String kindName = root.name("kind", null, KINDS);
    if (kindName == null) {
      if (!root.has("kind")) {
        root.missing("kind", "classify or translate");
      }
      return null;
    }
    PipelineKind kind = kindName.equals("translate") ? PipelineKind.TRANSLATE : PipelineKind.CLASSIFY;
    boolean translate = kind == PipelineKind.TRANSLATE;
    String source = null;
    String target = null;
    if (translate) {
      source = language(root, "source", "the source language, e.g. 'source de'");
      target = language(root, "target", "the target language, e.g. 'target en'");
    } else {
      root.notApplicable("source", "applies to translate pipelines only");
      root.notApplicable("target", "applies to translate pipelines only");
    }
    DataSpec data = data(root, kind, source, target);
    AnalyzerChoice analyzer = analyzer(root.take("analyzer"), translate ? "wordpunct" : "standard");
    VocabularySpec vocabulary = vocabulary(root, translate);
    EmbeddingsSpec embeddings = embeddings(root, translate ? 256 : 100);
    EncoderSpec encoder = encoder(root);
    String pooling = null;
    DecoderSpec decoder = null;
    SearchSpec search = null;
    if (translate) {
      root.notApplicable("pooling", "applies to classify pipelines only");
      decoder = decoder(root, encoder);
      search = search(root);
    } else {
      pooling = root.name("pooling", "attention", POOLINGS);
      root.notApplicable("decoder", "applies to translate pipelines only");
      root.notApplicable("search", "applies to translate pipelines only");
    }
    Set<String> metricNames = translate ? TRANSLATE_METRICS : CLASSIFY_METRICS;
    TrainSpec train = train(root, translate, translate ? "bleu" : "f1_macro", metricNames);
    List<String> metrics = metrics(root, translate, metricNames);
    root.finish();
    if (problems.list().size() > before) {
      return null;
    }
    return new PipelineSpec(name, kind, source, target, data, analyzer, vocabulary, embeddings, encoder, pooling,
        decoder, search, train, metrics);
  }

  private String language(Section root, String key, String what) {
    if (!root.has(key)) {
      root.missing(key, "a translate pipeline needs " + what);
      return null;
    }
    Node node = root.take(key);
    String language = root.text(node, key, null);
    if (language != null && !language.matches(LANGUAGE)) {
      problems.add(node.position(), "expected a language code for '" + key + "' (like de, en, pt-BR), found '" + language + "'");
      return null;
    }
    return language;
  }

  private DataSpec data(Section root, PipelineKind kind, String source, String target) {
    Node node = root.take("data");
    if (node == null) {
      root.missing("data", "where the training data is, e.g. data { train \"train.tsv\"  dev \"dev.tsv\" }");
      return null;
    }
    Section data = Section.of("data", node, problems);
    boolean translate = kind == PipelineKind.TRANSLATE;
    String dataset = data.name("dataset", null, names.datasets());
    String train = file(data, "train", dataset == null, translate, source, target);
    String dev = file(data, "dev", dataset == null, translate, source, target);
    String test = file(data, "test", false, translate, source, target);
    String text = null;
    String label = null;
    if (translate) {
      data.notApplicable("text", "applies to classify pipelines only (translate data are line-aligned files)");
      data.notApplicable("label", "applies to classify pipelines only");
    } else {
      text = data.text("text", "text");
      label = data.text("label", "label");
    }
    double testSplit = data.number("test_split", 0.0, 0.0, 0.5);
    int minLength = data.integer("min_length", 1, 0, Integer.MAX_VALUE);
    Node maxNode = data.take("max_length");
    int maxLength = translate ? 80 : 400;
    if (maxNode != null) {
      maxLength = (int) data.integer(maxNode, "max_length", maxLength, 1, Integer.MAX_VALUE);
      if (maxLength < minLength) {
        problems.add(maxNode.position(), "'data.max_length' (" + maxLength + ") is below 'data.min_length' (" + minLength + ")");
      }
    }
    data.finish();
    return new DataSpec(dataset, train, dev, test, text, label, testSplit, minLength, maxLength);
  }

  /** A data file (classify) or prefix (translate), checked to exist. */
  private String file(Section data, String key, boolean required, boolean translate, String source, String target) {
    Node node = data.take(key);
    if (node == null) {
      if (required) {
        data.missing(key, "the " + key + " data " + (translate ? "prefix (PREFIX.src and PREFIX.tgt)" : "file")
            + ", or a dataset");
      }
      return null;
    }
    String path = data.text(node, "data." + key, null);
    if (path != null) {
      if (translate) {
        if (source != null && target != null) {
          requireFile(node.position(), path + "." + source);
          requireFile(node.position(), path + "." + target);
        }
      } else {
        requireFile(node.position(), path);
      }
    }
    return path;
  }

  private void requireFile(Position position, String path) {
    Path resolved = baseDir.resolve(path).normalize();
    if (!Files.isRegularFile(resolved)) {
      problems.add(position, "file not found: " + resolved);
    }
  }

  private AnalyzerChoice analyzer(Node node, String fallback) {
    if (node == null || node instanceof Empty) {
      return AnalyzerChoice.preset(fallback);
    }
    if (node instanceof Scalar scalar) {
      Section holder = new Section("analyzer", scalar.position(), List.of(), problems);
      return AnalyzerChoice.preset(holder.name(scalar, "analyzer", fallback, names.analyzerPresets()));
    }
    List<ComponentSpec> charFilters = new ArrayList<>();
    List<ComponentSpec> filters = new ArrayList<>();
    ComponentSpec tokenizer;
    if (node instanceof Call call) {
      tokenizer = luceneComponent(new Call(call.name(), call.arguments(), null, call.position()), "analyzer tokenizer",
          names.tokenizers());
      if (call.block() != null) {
        for (Entry entry : call.block().entries()) {
          if (entry.key().equals("char_filter")) {
            charFilters.add(luceneComponent(entry.value(), "char filter", names.charFilters()));
          } else if (entry.value() instanceof Empty || entry.value() instanceof Call) {
            Node filter = entry.value() instanceof Empty ? new Scalar(Scalar.Kind.NAME, entry.key(), entry.position())
                : entry.value();
            filters.add(luceneComponent(filter, "token filter", names.tokenFilters()));
          } else {
            problems.add(entry.value().position(), "unexpected " + entry.value().describe() + " after token filter '"
                + entry.key() + "': write parameters as " + entry.key() + "(name: value), one filter a line");
          }
        }
      }
    } else if (node instanceof Block block) {
      Section section = new Section("analyzer", block.position(), block.entries(), problems);
      Node tokenizerNode = section.take("tokenizer");
      if (tokenizerNode == null) {
        section.missing("tokenizer", "a custom analyzer needs a Lucene tokenizer, e.g. tokenizer: standard");
        tokenizer = ComponentSpec.of("standard");
      } else {
        tokenizer = luceneComponent(tokenizerNode, "analyzer tokenizer", names.tokenizers());
      }
      List<Node> charFilterNodes = section.list("char_filters");
      for (Node item : charFilterNodes == null ? List.<Node>of() : charFilterNodes) {
        charFilters.add(luceneComponent(item, "char filter", names.charFilters()));
      }
      List<Node> filterNodes = section.list("filters");
      for (Node item : filterNodes == null ? List.<Node>of() : filterNodes) {
        filters.add(luceneComponent(item, "token filter", names.tokenFilters()));
      }
      section.finish();
    } else {
      problems.add(node.position(), "expected an analyzer preset or tokenizer { filters }, found " + node.describe());
      return AnalyzerChoice.preset(fallback);
    }
    return new AnalyzerChoice(null, tokenizer, charFilters, filters);
  }

  /** A Lucene component: its SPI name and text parameters. */
  private ComponentSpec luceneComponent(Node node, String what, Set<String> known) {
    Section holder = new Section(what, node.position(), List.of(), problems);
    Component component = holder.component(node, what, null, known);
    String name = component.type() == null ? "unknown" : component.type();
    Map<String, String> params = new LinkedHashMap<>();
    Section arguments = component.arguments();
    for (Entry entry : argumentsOf(node)) {
      params.put(entry.key(), arguments.text(entry.key(), ""));
    }
    return new ComponentSpec(name, params);
  }

  private static List<Entry> argumentsOf(Node node) {
    if (node instanceof Call call) {
      return call.arguments().stream().filter(entry -> entry.key() != null).toList();
    }
    if (node instanceof Block block) {
      return block.entries().stream().filter(entry -> !entry.key().equals("type")).toList();
    }
    return List.of();
  }

  private VocabularySpec vocabulary(Section root, boolean translate) {
    Node node = root.take("vocabulary");
    Section vocabulary = Section.of("vocabulary", node == null ? new Empty(root.position()) : node, problems);
    int minFrequency = vocabulary.integer("min_freq", 1, 1, Integer.MAX_VALUE);
    int maxSize = vocabulary.integer("max_size", 50_000, 5, 100_000_000);
    boolean shared = false;
    if (translate) {
      shared = vocabulary.bool("shared", false);
    } else {
      vocabulary.notApplicable("shared", "applies to translate pipelines only");
    }
    vocabulary.finish();
    return new VocabularySpec(minFrequency, maxSize, shared);
  }

  private EmbeddingsSpec embeddings(Section root, int defaultDimension) {
    Component component = root.component("embeddings", EmbeddingsSpec.LEARNED, EMBEDDINGS, "file");
    Section arguments = component.arguments();
    String type = component.lowerType();
    EmbeddingsSpec spec;
    if (EmbeddingsSpec.LEARNED.equals(type)) {
      spec = new EmbeddingsSpec(type, null, arguments.integer("dim", defaultDimension, 1, 4096), false);
    } else {
      Node fileNode = arguments.take("file");
      String file = null;
      if (fileNode == null) {
        arguments.missing("file", type + " embeddings need their vectors file, e.g. " + type + "(\"vectors.txt\")");
      } else {
        file = arguments.text(fileNode, "embeddings.file", null);
        if (file != null) {
          requireFile(fileNode.position(), file);
        }
      }
      spec = new EmbeddingsSpec(type, file, 0, arguments.bool("frozen", false));
    }
    arguments.finish();
    return spec;
  }

  private EncoderSpec encoder(Section root) {
    Component component = root.component("encoder", "bilstm", ENCODERS);
    Section arguments = component.arguments();
    String type = component.lowerType();
    boolean bidirectional = type.startsWith("bi");
    EncoderSpec spec = new EncoderSpec(bidirectional ? type.substring(2) : type, bidirectional,
        arguments.integer("hidden", 256, 1, 8192), arguments.integer("layers", 1, 1, 16),
        arguments.number("dropout", 0.3, 0.0, 0.95), arguments.bool("residual", false));
    arguments.finish();
    return spec;
  }

  private DecoderSpec decoder(Section root, EncoderSpec encoder) {
    Component component = root.component("decoder", "lstm", DECODERS);
    Section arguments = component.arguments();
    int defaultHidden = encoder.hidden() * (encoder.bidirectional() ? 2 : 1);
    DecoderSpec spec = new DecoderSpec(component.lowerType(), arguments.integer("hidden", defaultHidden, 1, 8192),
        arguments.integer("layers", 1, 1, 16), arguments.number("dropout", 0.3, 0.0, 0.95),
        arguments.name("attention", "luong_general", ATTENTIONS), arguments.bool("input_feeding", true),
        arguments.bool("tie_embeddings", false));
    arguments.finish();
    return spec;
  }

  private SearchSpec search(Section root) {
    Component component = root.component("search", "beam", SEARCHES);
    Section arguments = component.arguments();
    SearchSpec spec;
    if ("greedy".equals(component.lowerType())) {
      spec = new SearchSpec("greedy", 1, 0.0, arguments.number("max_ratio", 1.5, 0.1, 100),
          arguments.integer("min_length", 1, 0, Integer.MAX_VALUE), 1,
          arguments.integer("no_repeat_ngram", 0, 0, 100), arguments.bool("replace_unk", true));
    } else {
      int size = arguments.integer("size", 5, 1, 100);
      double alpha = arguments.number("alpha", 0.6, 0.0, 5.0);
      double maxRatio = arguments.number("max_ratio", 1.5, 0.1, 100);
      int minLength = arguments.integer("min_length", 1, 0, Integer.MAX_VALUE);
      Node nBestNode = arguments.take("n_best");
      int nBest = 1;
      if (nBestNode != null) {
        nBest = (int) arguments.integer(nBestNode, "n_best", 1, 1, size);
      }
      spec = new SearchSpec("beam", size, alpha, maxRatio, minLength, nBest,
          arguments.integer("no_repeat_ngram", 0, 0, 100), arguments.bool("replace_unk", true));
    }
    arguments.finish();
    return spec;
  }

  private TrainSpec train(Section root, boolean translate, String defaultMetric, Set<String> metricNames) {
    Node node = root.take("train");
    Section train = Section.of("train", node == null ? new Empty(root.position()) : node, problems);
    OptimizerSpec optimizer = optimizer(train);
    double clip = train.number("clip", 1.0, 0.0, Double.MAX_VALUE);
    ScheduleSpec schedule = schedule(train);
    int epochs = train.integer("epochs", 10, 1, 100_000);
    int batch = train.integer("batch", 32, 1, 1_000_000);
    int batchTokens = train.integer("batch_tokens", 0, 0, Integer.MAX_VALUE);
    Node earlyNode = train.take("early_stop");
    Section early = Section.of("train.early_stop", earlyNode == null ? new Empty(train.position()) : earlyNode, problems);
    Set<String> watchable = new TreeSet<>(metricNames);
    watchable.add("loss");
    EarlyStopSpec earlyStop = new EarlyStopSpec(early.name("metric", defaultMetric, watchable),
        early.integer("patience", 3, 0, Integer.MAX_VALUE));
    early.finish();
    double labelSmoothing = train.number("label_smoothing", 0.0, 0.0, 0.99);
    String classWeights = "none";
    if (translate) {
      train.notApplicable("class_weights", "applies to classify pipelines only");
    } else {
      classWeights = train.name("class_weights", "none", CLASS_WEIGHTS);
    }
    long seed = train.integer("seed", 42L, Long.MIN_VALUE, Long.MAX_VALUE);
    Node deviceNode = train.take("device");
    String device = "auto";
    if (deviceNode != null) {
      String text = train.text(deviceNode, "train.device", "auto");
      if (!text.matches(DEVICE)) {
        problems.add(deviceNode.position(), "unknown device '" + text + "'; expected auto, cpu, gpu or gpu:N");
      } else {
        device = text;
      }
    }
    String engine = train.name("engine", "mxnet", ENGINES);
    train.finish();
    return new TrainSpec(optimizer, clip, schedule, epochs, batch, batchTokens, earlyStop, labelSmoothing, classWeights,
        seed, device, engine);
  }

  private static OptimizerSpec optimizer(Section train) {
    Component component = train.component("optimizer", "adam", OPTIMIZERS);
    Section arguments = component.arguments();
    String type = component.lowerType();
    boolean sgd = type.equals("sgd");
    OptimizerSpec spec = new OptimizerSpec(type, arguments.number("lr", sgd ? 0.1 : 1e-3, 1e-12, 10),
        arguments.number("weight_decay", type.equals("adamw") ? 0.01 : 0.0, 0.0, 1.0),
        sgd ? arguments.number("momentum", 0.9, 0.0, 0.999) : 0.0);
    arguments.finish();
    return spec;
  }

  private static ScheduleSpec schedule(Section train) {
    Component component = train.component("schedule", "constant", SCHEDULES);
    Section arguments = component.arguments();
    String type = component.lowerType();
    ScheduleSpec spec = switch (type) {
      case "plateau" -> new ScheduleSpec(type, arguments.number("factor", 0.5, 0.01, 0.99),
          arguments.integer("patience", 1, 0, Integer.MAX_VALUE), 0, arguments.number("min_lr", 0.0, 0.0, 10));
      case "cosine" -> new ScheduleSpec(type, 0, 0, 0, arguments.number("min_lr", 0.0, 0.0, 10));
      case "warmup_linear" -> new ScheduleSpec(type, 0, 0, arguments.integer("warmup", 1000, 1, Integer.MAX_VALUE), 0);
      default -> new ScheduleSpec("constant", 0, 0, 0, 0);
    };
    arguments.finish();
    return spec;
  }

  private List<String> metrics(Section root, boolean translate, Set<String> metricNames) {
    List<Node> nodes = root.list("evaluate");
    if (nodes == null) {
      return translate ? List.of("bleu", "chrf") : List.of("accuracy", "f1_macro", "f1_micro", "f1_weighted");
    }
    List<String> metrics = new ArrayList<>();
    for (Node node : nodes) {
      String metric = root.name(node, "metric", null, metricNames);
      if (metric != null && !metrics.contains(metric)) {
        metrics.add(metric);
      }
    }
    if (nodes.isEmpty()) {
      problems.add(root.position(), "'evaluate' needs at least one metric");
    }
    return metrics;
  }
}
