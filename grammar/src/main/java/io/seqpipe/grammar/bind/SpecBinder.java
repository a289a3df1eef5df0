package io.seqpipe.grammar.bind;

import io.seqpipe.grammar.ComponentNames;
import io.seqpipe.grammar.bind.Section.Component;
import io.seqpipe.grammar.catalog.Catalog;
import io.seqpipe.grammar.catalog.Family;
import io.seqpipe.grammar.spec.AnalyzerChoice;
import io.seqpipe.grammar.spec.ClassifySpec;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.DataSpec;
import io.seqpipe.grammar.spec.DecoderSpec;
import io.seqpipe.grammar.spec.EmbeddingsSpec;
import io.seqpipe.grammar.spec.EncoderSpec;
import io.seqpipe.grammar.spec.ForecastSpec;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.SearchSpec;
import io.seqpipe.grammar.spec.SweepSpec;
import io.seqpipe.grammar.spec.TrainSpec;
import io.seqpipe.grammar.spec.TrainSpec.EarlyStopSpec;
import io.seqpipe.grammar.spec.TranslateSpec;
import io.seqpipe.grammar.spec.VocabularySpec;
import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Call;
import io.seqpipe.grammar.tree.Node.Empty;
import io.seqpipe.grammar.tree.Node.Entry;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.grammar.tree.Suggestions;
import io.seqpipe.nlp.Quote;
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
 * and parameters against the {@link Catalog} and the runtime's component names, types, ranges, required
 * entries, entries of the other kind, sizes that must fit together, and that named files exist
 * (relative to the pipeline file's directory), and the values of a {@code sweep} block ({@link SweepBinder}).
 * All problems are collected; the spec is null if there was any.
 *
 * <pre>{@code
 * PipelineSpec spec = new SpecBinder(names, baseDir, problems).bind(root);
 * problems.throwIfAny();
 * }</pre>
 */
public final class SpecBinder {
  public static final Set<String> KINDS = Set.of("classify", "translate", "forecast");
  public static final Set<String> CLASSIFY_METRICS =
      Set.of("accuracy", "f1_macro", "f1_micro", "f1_weighted", "precision_macro", "recall_macro");
  public static final Set<String> TRANSLATE_METRICS = Set.of("bleu", "chrf");
  public static final Set<String> CLASS_WEIGHTS = Set.of("none", "balanced");
  public static final Set<String> ENGINES = Set.of("mxnet", "pytorch");
  public static final List<String> FORECAST_METRICS = List.of("mae", "rmse", "mape", "smape", "mase");
  public static final Set<String> SCALES = Set.of("standard", "minmax", "none");
  public static final Set<String> CALENDAR = Set.of("day_of_week", "month", "holiday_us");
  public static final Set<String> HEADS = Set.of("dense", "autoregressive");
  public static final Set<String> MISSING_VALUES = Set.of("error", "previous");
  private static final String LANGUAGE = "[a-z]{2,3}([-_][A-Za-z0-9]+)?";
  private static final String DEVICE = "auto|cpu|gpu|gpu:[0-9]+";
  private static final String CLASSIFY_ONLY = "applies to classify pipelines only";
  private static final String TRANSLATE_ONLY = "applies to translate pipelines only";
  private static final String FORECAST_ONLY = "applies to forecast pipelines only";
  private static final String TEXT_ONLY = "applies to text pipelines (classify, translate), not to forecast";
  private static final List<String> FORECAST_KEYS = List.of("window", "scale", "calendar", "head");

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
    String kind = root.name("kind", null, KINDS);
    if (kind == null) {
      if (!root.has("kind")) {
        root.missing("kind", "classify, translate or forecast");
      }
      return null;
    }
    PipelineSpec spec = switch (kind) {
      case "translate" -> translate(root, name, rootBlock);
      case "forecast" -> forecast(root, name, rootBlock);
      default -> classify(root, name, rootBlock);
    };
    root.finish();
    return problems.list().size() > before ? null : spec;
  }

  private ClassifySpec classify(Section root, String name, Block rootBlock) {
    root.notApplicable("source", TRANSLATE_ONLY);
    root.notApplicable("target", TRANSLATE_ONLY);
    Section data = dataSection(root);
    String dataset = data == null ? null : data.name("dataset", null, names.datasets());
    DataSpec dataSpec = data == null ? null : data(data, dataset == null, false, null, null, 400);
    ClassifySpec.Fields fields = null;
    if (data != null) {
      fields = new ClassifySpec.Fields(dataset, data.text("text", "text"), data.text("label", "label"));
      data.finish();
    }
    AnalyzerChoice analyzer = analyzer(root.take("analyzer"), "standard");
    ComponentSpec subword = subword(root, false);
    VocabularySpec vocabulary = vocabulary(root, false);
    EmbeddingsSpec embeddings = embeddings(root, 100, false);
    EncoderSpec encoder = encoder(root);
    String pooling = root.name("pooling", "attention", Catalog.names(Family.POOLING));
    root.notApplicable("decoder", TRANSLATE_ONLY);
    root.notApplicable("search", TRANSLATE_ONLY);
    FORECAST_KEYS.forEach(key -> root.notApplicable(key, FORECAST_ONLY));
    Section train = trainSection(root);
    String classWeights = train.name("class_weights", "none", CLASS_WEIGHTS);
    TrainSpec trainSpec = train(train, "f1_macro", CLASSIFY_METRICS);
    List<String> metrics = metrics(root, CLASSIFY_METRICS, List.of("accuracy", "f1_macro", "f1_micro", "f1_weighted"));
    SweepSpec sweep = sweep(root, rootBlock);
    return new ClassifySpec(name == null ? "" : name, dataSpec, fields, analyzer, subword, vocabulary, embeddings, encoder,
        pooling, classWeights, trainSpec, metrics, sweep);
  }

  private TranslateSpec translate(Section root, String name, Block rootBlock) {
    String source = language(root, "source", "the source language, e.g. 'source de'");
    String target = language(root, "target", "the target language, e.g. 'target en'");
    Section data = dataSection(root);
    DataSpec dataSpec = null;
    if (data != null) {
      data.notApplicable("dataset", CLASSIFY_ONLY + " (translate data are line-aligned files: train \"PREFIX\")");
      data.notApplicable("text", CLASSIFY_ONLY + " (translate data are line-aligned files)");
      data.notApplicable("label", CLASSIFY_ONLY);
      dataSpec = data(data, true, true, source, target, 80);
      data.finish();
    }
    AnalyzerChoice analyzer = analyzer(root.take("analyzer"), "wordpunct");
    ComponentSpec subword = subword(root, true);
    VocabularySpec vocabulary = vocabulary(root, true);
    EmbeddingsSpec embeddings = embeddings(root, 256, true);
    EncoderSpec encoder = encoder(root);
    root.notApplicable("pooling", CLASSIFY_ONLY);
    FORECAST_KEYS.forEach(key -> root.notApplicable(key, FORECAST_ONLY));
    DecoderSpec decoder = decoder(root, encoder, embeddings);
    SearchSpec search = search(root);
    Section train = trainSection(root);
    train.notApplicable("class_weights", CLASSIFY_ONLY);
    TrainSpec trainSpec = train(train, "bleu", TRANSLATE_METRICS);
    if (trainSpec != null && !trainSpec.earlyStop().metric().equals("bleu")) {
      problems.add(train.positionOf("early_stop"), "translate pipelines stop early on dev bleu (greedy search), not '"
          + trainSpec.earlyStop().metric() + "'");
    }
    List<String> metrics = metrics(root, TRANSLATE_METRICS, List.of("bleu", "chrf"));
    SweepSpec sweep = sweep(root, rootBlock);
    return new TranslateSpec(name == null ? "" : name, source, target, dataSpec, analyzer, subword, vocabulary, embeddings,
        encoder, decoder, search, trainSpec, metrics, sweep);
  }

  private ForecastSpec forecast(Section root, String name, Block rootBlock) {
    for (String key : List.of("source", "target", "analyzer", "subword", "vocabulary", "embeddings", "pooling",
        "decoder", "search")) {
      root.notApplicable(key, TEXT_ONLY);
    }
    Section data = dataSection(root);
    DataSpec dataSpec = null;
    ForecastSpec.Series series = null;
    if (data != null) {
      for (String key : List.of("dataset", "text", "label", "test_split", "split_seed", "min_length",
          "max_length")) {
        data.notApplicable(key, TEXT_ONLY);
      }
      for (String key : List.of("train", "dev")) {
        if (!data.has(key)) {
          data.missing(key, "the " + key + " series, a CSV file with a header row");
        }
      }
      dataSpec = data(data, false, false, null, null, 0);
      series = series(data);
      data.finish();
    }
    ForecastSpec.WindowSpec window = window(root);
    String scale = root.name("scale", "standard", SCALES);
    List<String> calendar = names(root, "calendar", "calendar feature", CALENDAR);
    EncoderSpec encoder = encoder(root, "lstm");
    if (encoder != null && encoder.bidirectional()) {
      problems.add(root.positionOf("encoder"), "forecast pipelines read each window forwards up to the forecast origin: "
          + "use lstm or gru, not " + encoder.type());
    }
    String head = root.name("head", "dense", HEADS);
    Section train = trainSection(root);
    for (String key : List.of("class_weights", "label_smoothing", "batch_tokens")) {
      train.notApplicable(key, TEXT_ONLY);
    }
    TrainSpec trainSpec = train(train, "mae", Set.copyOf(FORECAST_METRICS));
    List<String> metrics = metrics(root, Set.copyOf(FORECAST_METRICS), FORECAST_METRICS);
    SweepSpec sweep = sweep(root, rootBlock);
    return new ForecastSpec(name == null ? "" : name, dataSpec, series, window, scale, calendar, encoder, head,
        trainSpec, metrics, sweep);
  }

  /** The columns of a forecast's series, from its data block. */
  private ForecastSpec.Series series(Section data) {
    String time = data.text("time", "date");
    List<String> targets = names(data, "target", "data.target", null);
    if (!data.has("target")) {
      data.missing("target", "the column (or columns, [a, b]) to forecast, e.g. target \"sales\"");
    } else if (targets.isEmpty()) {
      problems.add(data.positionOf("target"), "'data.target' needs at least one column");
    }
    List<String> features = names(data, "features", "data.features", null);
    for (String feature : features) {
      if (targets.contains(feature) || feature.equals(time)) {
        problems.add(data.positionOf("features"), "'data.features' lists " + Quote.quoted(feature)
            + ", which is already the " + (feature.equals(time) ? "time column" : "target"));
      }
    }
    int season = data.integer("season", 0, 1, 100_000);
    String missing = data.name("missing", "error", MISSING_VALUES);
    return new ForecastSpec.Series(time, targets, features, season, missing);
  }

  private ForecastSpec.WindowSpec window(Section root) {
    Node node = root.take("window");
    if (node == null) {
      root.missing("window", "the steps each window reads and forecasts, e.g. window(input: 28, horizon: 7)");
      return null;
    }
    Section window = Section.of("window", node, problems);
    for (String key : List.of("input", "horizon")) {
      if (!window.has(key)) {
        window.missing(key, "steps " + (key.equals("input") ? "of history each window reads" : "forecast at once"));
      }
    }
    int input = window.integer("input", 1, 1, 100_000);
    int horizon = window.integer("horizon", 1, 1, 10_000);
    int stride = window.integer("stride", 1, 1, 100_000);
    window.finish();
    return new ForecastSpec.WindowSpec(input, horizon, stride);
  }

  /** A list of distinct names (or any text when {@code allowed} is null); a repeated one is reported. */
  private List<String> names(Section section, String key, String what, Set<String> allowed) {
    List<Node> nodes = section.list(key);
    List<String> out = new ArrayList<>();
    for (Node node : nodes == null ? List.<Node>of() : nodes) {
      String value = allowed == null ? section.text(node, what, null) : section.name(node, what, null, allowed);
      if (value != null && out.contains(value)) {
        problems.add(node.position(), "duplicate " + what + " " + Quote.quoted(value));
      } else if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  private String language(Section root, String key, String what) {
    if (!root.has(key)) {
      root.missing(key, "a translate pipeline needs " + what);
      return null;
    }
    Node node = root.take(key);
    String language = root.text(node, key, null);
    if (language != null && !language.matches(LANGUAGE)) {
      problems.add(node.position(), "expected a language code for '" + key + "' (like de, en, pt-BR), found " + Quote.quoted(language));
      return null;
    }
    return language;
  }

  private Section dataSection(Section root) {
    Node node = root.take("data");
    if (node == null) {
      root.missing("data", "where the training data is, e.g. data { train \"train.tsv\"  dev \"dev.tsv\" }");
      return null;
    }
    return Section.of("data", node, problems);
  }

  private DataSpec data(Section data, boolean filesRequired, boolean translate, String source, String target,
      int defaultMaxLength) {
    String train = file(data, "train", filesRequired, translate, source, target);
    String dev = file(data, "dev", filesRequired, translate, source, target);
    String test = file(data, "test", false, translate, source, target);
    double testSplit = data.number("test_split", 0.0, 0.0, 0.5);
    Long splitSeed = data.has("split_seed") ? data.integer("split_seed", 0L, Long.MIN_VALUE, Long.MAX_VALUE) : null;
    int minLength = data.integer("min_length", 1, 0, Integer.MAX_VALUE);
    Node maxNode = data.take("max_length");
    int maxLength = defaultMaxLength;
    if (maxNode != null) {
      maxLength = (int) data.integer(maxNode, "max_length", maxLength, 1, Integer.MAX_VALUE);
      if (maxLength < minLength) {
        problems.add(maxNode.position(), "'data.max_length' (" + maxLength + ") is below 'data.min_length' (" + minLength + ")");
      }
    }
    return new DataSpec(train, dev, test, testSplit, splitSeed, minLength, maxLength);
  }

  /** A data file (classify) or prefix (translate), checked to exist. */
  private String file(Section data, String key, boolean required, boolean translate, String source, String target) {
    Node node = data.take(key);
    if (node == null) {
      if (required) {
        data.missing(key, "the " + key + " data " + (translate ? "prefix (PREFIX.src and PREFIX.tgt)" : "file, or a dataset"));
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
      problems.add(position, "file not found: " + Quote.of(resolved.toString(), Quote.PATH_LIMIT));
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
            problems.add(entry.value().position(), "unexpected " + entry.value().describe() + " after token filter "
                + Quote.quoted(entry.key()) + ": write parameters as " + Quote.of(entry.key())
                + "(name: value), one filter a line");
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

  /** A Lucene component: its SPI name and text parameters; files it names must exist. */
  private ComponentSpec luceneComponent(Node node, String what, Set<String> known) {
    Section holder = new Section(what, node.position(), List.of(), problems);
    Component component = holder.component(node, what, null, known);
    String name = component.type() == null ? "unknown" : component.type();
    Map<String, Object> params = new LinkedHashMap<>();
    Section arguments = component.arguments();
    for (Entry entry : argumentsOf(node)) {
      String value = arguments.text(entry.key(), "");
      params.put(entry.key(), value);
      if (names.resourceParameters().contains(entry.key())) {
        for (String part : value.split(",")) {
          if (!part.isBlank() && !names.bundledWordLists().contains(part.trim())) {
            requireFile(entry.value().position(), part.trim());
          }
        }
      }
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

  /**
   * Subword units, when the pipeline names them. BPE splits both sides of a translate pipeline unless told
   * otherwise, and at least one. A SentencePiece entry names one model, or (translate pipelines) a source
   * model, a target model or both: files that must exist.
   */
  private ComponentSpec subword(Section root, boolean translate) {
    ComponentBinder.Bound component = root.has("subword")
        ? ComponentBinder.bind(root, "subword", Family.SUBWORD, "bpe", Map.of()) : null;
    if (component == null) {
      return null;
    }
    if (component.spec().name().equals("bpe")) {
      return bpe(component, translate);
    }
    Map<String, Object> params = component.spec().params();
    boolean sides = params.containsKey("source") || params.containsKey("target");
    if (sides && !translate) {
      problems.add(component.at(params.containsKey("source") ? "source" : "target"), "sentencepiece(source: ..., "
          + "target: ...) " + TRANSLATE_ONLY + ": name one model, sentencepiece(\"spm.model\")");
      return null;
    }
    if (params.containsKey("model") == sides) {
      problems.add(root.positionOf("subword"), "sentencepiece takes one model, sentencepiece(\"spm.model\")"
          + (translate ? ", or one per language, sentencepiece(source: \"de.model\", target: \"en.model\") (either "
          + "may be left out)" : ""));
      return null;
    }
    params.forEach((param, file) -> requireFile(component.at(param), (String) file));
    return component.spec();
  }

  /** BPE: {@code source} and {@code target} choose the sides of a translate pipeline it splits. */
  private ComponentSpec bpe(ComponentBinder.Bound component, boolean translate) {
    ComponentSpec spec = component.spec();
    for (String side : List.of("source", "target")) {
      if (!translate && !spec.bool(side)) {
        problems.add(component.at(side), "bpe(" + side + ": false) " + TRANSLATE_ONLY);
        return null;
      }
    }
    if (!spec.bool("source") && !spec.bool("target")) {
      problems.add(component.at("target"), "bpe(source: false, target: false) splits neither side; remove the subword "
          + "entry for whole tokens");
      return null;
    }
    return spec;
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
      vocabulary.notApplicable("shared", TRANSLATE_ONLY);
    }
    vocabulary.finish();
    return new VocabularySpec(minFrequency, maxSize, shared);
  }

  private EmbeddingsSpec embeddings(Section root, int defaultDimension, boolean translate) {
    ComponentBinder.Bound component = ComponentBinder.bind(root, "embeddings", Family.EMBEDDINGS,
        EmbeddingsSpec.LEARNED, Map.of("dim", defaultDimension));
    if (component == null) {
      return null;
    }
    ComponentSpec bound = component.spec();
    if (bound.name().equals(EmbeddingsSpec.LEARNED)) {
      return new EmbeddingsSpec(bound.name(), null, null, bound.integer("dim"), false);
    }
    if (translate) {
      problems.add(root.positionOf("embeddings"), "translate pipelines learn their embeddings: use learned(dim: N), not "
          + bound.name() + "(...)");
      return null;
    }
    String file = bound.params().containsKey("file") ? bound.text("file") : null;
    String dataset = bound.params().containsKey("dataset") ? bound.text("dataset") : null;
    if ((file == null) == (dataset == null)) {
      if (component.arguments().has("file") == component.arguments().has("dataset")) {
        problems.add(root.positionOf("embeddings"), bound.name() + " takes exactly one of a file (" + bound.name()
            + "(\"vectors.txt\")) and a dataset (" + bound.name() + "(dataset: NAME), known: "
            + String.join(", ", new TreeSet<>(names.vectorDatasets())) + ")");
      }
      return null;
    }
    if (file != null) {
      requireFile(component.at("file"), file);
    } else if (!names.vectorDatasets().contains(dataset)) {
      problems.add(component.at("dataset"), "unknown vectors dataset '" + dataset + "'"
          + Suggestions.didYouMean(dataset, names.vectorDatasets()) + " (known: "
          + String.join(", ", new TreeSet<>(names.vectorDatasets())) + ")");
      return null;
    }
    return new EmbeddingsSpec(bound.name(), file, dataset, 0, bound.bool("frozen"));
  }

  private EncoderSpec encoder(Section root) {
    return encoder(root, "bilstm");
  }

  private EncoderSpec encoder(Section root, String fallback) {
    ComponentBinder.Bound component = ComponentBinder.bind(root, "encoder", Family.ENCODER, fallback, Map.of());
    if (component == null) {
      return null;
    }
    ComponentSpec bound = component.spec();
    boolean bidirectional = bound.name().startsWith("bi");
    return new EncoderSpec(bidirectional ? bound.name().substring(2) : bound.name(), bidirectional,
        bound.integer("hidden"), bound.integer("layers"), bound.number("dropout"), bound.number("input_dropout"),
        bound.number("word_dropout"), bound.bool("residual"));
  }

  /** The decoder, checked to fit the encoder (dot attention) and the embeddings (tied output). */
  private DecoderSpec decoder(Section root, EncoderSpec encoder, EmbeddingsSpec embeddings) {
    int encoderWidth = encoder == null ? 256 : encoder.hidden() * (encoder.bidirectional() ? 2 : 1);
    ComponentBinder.Bound component = ComponentBinder.bind(root, "decoder", Family.DECODER, "lstm",
        Map.of("hidden", encoderWidth));
    if (component == null) {
      return null;
    }
    ComponentSpec bound = component.spec();
    DecoderSpec spec = new DecoderSpec(bound.name(), bound.integer("hidden"), bound.integer("layers"),
        bound.number("dropout"), bound.number("input_dropout"), bound.number("word_dropout"), bound.text("attention"),
        bound.bool("input_feeding"), bound.bool("tie_embeddings"));
    if (encoder != null && spec.attention().equals("luong_dot") && spec.hidden() != encoderWidth) {
      problems.add(component.at("attention"), "luong_dot attention scores the decoder state against the encoder's outputs, so their widths "
          + "must be equal: decoder hidden " + spec.hidden() + ", encoder output " + encoderWidth
          + " (use luong_general or bahdanau, or set the decoder's hidden to " + encoderWidth + ")");
    }
    if (embeddings != null && spec.tieEmbeddings() && spec.hidden() != embeddings.dimension()) {
      problems.add(component.at("tie_embeddings"), "tie_embeddings projects the decoder state through the target embeddings, so the decoder's "
          + "hidden (" + spec.hidden() + ") must equal the embeddings' dim (" + embeddings.dimension() + ")");
    }
    return spec;
  }

  private SearchSpec search(Section root) {
    ComponentBinder.Bound component = ComponentBinder.bind(root, "search", Family.SEARCH, "beam", Map.of());
    if (component == null) {
      return null;
    }
    ComponentSpec bound = component.spec();
    boolean greedy = bound.name().equals("greedy");
    int size = greedy ? 1 : bound.integer("size");
    int nBest = greedy ? 1 : bound.integer("n_best");
    if (nBest > size) {
      problems.add(component.at("n_best"), "'search.n_best' must be between 1 and " + size + ", found "
          + nBest);
    }
    return new SearchSpec(bound.name(), size, greedy ? 0.0 : bound.number("alpha"), bound.number("max_ratio"),
        bound.integer("min_length"), nBest, bound.integer("no_repeat_ngram"), bound.bool("replace_unk"),
        bound.bool("unk_lexicon"));
  }

  private Section trainSection(Section root) {
    Node node = root.take("train");
    return Section.of("train", node == null ? new Empty(root.position()) : node, problems);
  }

  private TrainSpec train(Section train, String defaultMetric, Set<String> metricNames) {
    ComponentSpec optimizer = spec(ComponentBinder.bind(train, "optimizer", Family.OPTIMIZER, "adam", Map.of()));
    double clip = train.number("clip", 1.0, 0.0, Double.MAX_VALUE);
    ComponentSpec schedule = spec(ComponentBinder.bind(train, "schedule", Family.SCHEDULE, "constant", Map.of()));
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
    long seed = train.integer("seed", 42L, Long.MIN_VALUE, Long.MAX_VALUE);
    Node deviceNode = train.take("device");
    String device = "auto";
    if (deviceNode != null) {
      String text = train.text(deviceNode, "train.device", "auto");
      if (!text.matches(DEVICE)) {
        problems.add(deviceNode.position(), "unknown device " + Quote.quoted(text) + "; expected auto, cpu, gpu or gpu:N");
      } else {
        device = text;
      }
    }
    String engine = train.name("engine", "mxnet", ENGINES);
    int averageLast = train.integer("average_last", 0, 1, 100_000);
    train.finish();
    if (optimizer == null || schedule == null) {
      return null;
    }
    return new TrainSpec(optimizer, clip, schedule, epochs, batch, batchTokens, earlyStop, labelSmoothing, seed,
        device, engine, averageLast);
  }

  /**
   * The {@code sweep} block, or null: each of its values is checked by binding the pipeline, its sweep left
   * out, with that value set.
   */
  private SweepSpec sweep(Section root, Block rootBlock) {
    Node node = root.take("sweep");
    if (node == null) {
      return null;
    }
    Block pipeline = new Block(rootBlock.entries().stream().filter(entry -> !"sweep".equals(entry.key())).toList(),
        rootBlock.position());
    return new SweepBinder(pipeline, tree -> {
      Problems found = new Problems();
      new SpecBinder(names, baseDir, found).bind(tree);
      return found.list();
    }, problems).bind(node);
  }

  private static ComponentSpec spec(ComponentBinder.Bound bound) {
    return bound == null ? null : bound.spec();
  }

  private List<String> metrics(Section root, Set<String> metricNames, List<String> defaults) {
    List<Node> nodes = root.list("evaluate");
    if (nodes == null) {
      return defaults;
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
