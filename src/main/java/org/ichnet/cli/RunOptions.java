package org.ichnet.cli;

import org.ichnet.ensemble.WeightGrid;
import org.ichnet.model.PaperModels;
import org.ichnet.model.Regularisation;
import org.ichnet.preprocess.AugmentOptions;
import org.ichnet.preprocess.Channels;
import org.ichnet.preprocess.Framing;
import org.ichnet.reproduce.ExperimentSettings;
import org.ichnet.train.ClassWeighting;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** How a new run is set up: data, protocol, variant, size, epochs; shared by reproduce, train and cv. */
final class RunOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder: CT-ICH release, PHE-SICH or <CLASS>/ folders (default: the bundled sample); repeat "
                    + "to train on several sources, each source's patients kept apart and splits stratified by source")
    List<Path> data;

    @Option(names = "--protocol", defaultValue = "patient",
            description = "patient (split by patient, default) or paper (the paper's slice-level 80/20 split: LEAKY)")
    String protocol;

    @Option(names = "--variant", description = "paper (the paper's CNNs from scratch; default of reproduce and train) or improved (pretrained backbones "
            + "fine-tuned, 128x128; default of cv)")
    String variant;

    @Option(names = "--members", split = ",", paramLabel = "NET,NET,NET",
            description = "The networks in the ensemble's three slots: model1, model2, model3 (the paper's CNNs), "
                    + "mobilenet_v1, mobilenet_v2 (pretrained backbones, fine-tuned). Default: the paper's three; "
                    + "improved: mobilenet_v1,mobilenet_v2,model3")
    java.util.List<String> members;

    @Option(names = "--head-crop", description = "Crop each slice to a square around the head (skull and brain) before resizing; "
            + "predict then frames its inputs the same way")
    boolean headCrop;

    @Option(names = "--quarter-turns", description = "Augment with random 90-degree turns (inputs from exports of another orientation)")
    boolean quarterTurns;

    @Option(names = "--quick", description = "96x96, 6 epochs, 200 bootstrap resamples: the whole pipeline in about a minute")
    boolean quick;

    @Option(names = "--size", description = "Image side in pixels (default: 256, improved 128, or 96 with --quick)")
    Integer size;

    @Option(names = "--epochs", description = "Maximum epochs per model (default: 25, improved 12, with early stopping; 6 with --quick)")
    Integer epochs;

    @Option(names = "--patience", description = "Early stopping: epochs without validation gain before stopping (default: 10, improved 5)")
    Integer patience;

    @Option(names = "--bone", description = "Brain and bone windows as two input channels (slices without a bone image are skipped)")
    boolean bone;

    @Option(names = "--neighbours", description = "The brain windows of the slices below and above as extra channels (\"2.5D\")")
    boolean neighbours;

    @Option(names = "--tta", description = "Test-time augmentation: average each slice's probabilities with its mirror image's")
    boolean tta;

    @Option(names = "--seed", paramLabel = "N",
            description = "Training seed: initial weights, batch order, augmentation (default: 42; the split keeps its own seed)")
    Long seed;

    @Option(names = "--augment", paramLabel = "LEVEL",
            description = "Training augmentation: none, default (flip, rotation 10 deg, shift 5%%; the paper variant's) or strong "
                    + "(flip, rotation 20 deg, shift 10%%, zoom and contrast 15%%; the improved variant's)")
    String augment;

    @Option(names = "--weight-decay", paramLabel = "X", description = "Decoupled (AdamW) weight decay on kernels (default: 0.05 improved; paper: 0)")
    Double weightDecay;

    @Option(names = "--ema", paramLabel = "DECAY",
            description = "Validate and ship an exponential moving average of the weights (default: 0.99 improved; paper: off)")
    Double ema;

    @Option(names = "--label-smoothing", paramLabel = "X", description = "Label smoothing of the training targets (default: 0.1 improved; paper: 0)")
    Double labelSmoothing;

    @Option(names = "--class-balance", paramLabel = "HOW",
            description = "Against the 88%% normal slices: weights (balanced loss weights; the paper variant's), sampling "
                    + "(class-balanced batches; the improved variant's), level-matched (balanced batches whose normal slices "
                    + "come from the scan levels of the hemorrhage slices) or none")
    String classBalance;

    @Option(names = "--focal-gamma", paramLabel = "G",
            description = "Focal loss: scale each slice's loss by (1 - p of its class)^G (default: 0, plain cross-entropy)")
    Double focalGamma;

    @Option(names = "--training-share", paramLabel = "F",
            description = "Train on this share of the training patients (stratified; validation and test unchanged): "
                    + "points of a learning curve (default: 1)")
    Double trainingShare;

    @Option(names = "--ensemble-weights", paramLabel = "HOW",
            description = "searched (grid-searched on validation; both variants' default) or equal")
    String ensembleWeights;

    /** Whether any of these options was given on the command line of {@code command} (its mixin is named "options"). */
    static boolean anyGiven(CommandLine.Model.CommandSpec command) {
        return command.mixins().get("options").options().stream()
                .anyMatch(command.commandLine().getParseResult()::hasMatchedOption);
    }

    /** Whether {@code --ensemble-weights} is the only one of these options given: re-weighting a started run. */
    static boolean onlyEnsembleWeightsGiven(CommandLine.Model.CommandSpec command) {
        List<CommandLine.Model.OptionSpec> given = command.mixins().get("options").options().stream()
                .filter(command.commandLine().getParseResult()::hasMatchedOption).toList();
        return given.size() == 1 && given.get(0).longestName().equals("--ensemble-weights");
    }

    List<Path> dataDirs() {
        return data != null && !data.isEmpty() ? List.copyOf(data) : List.of(BundledSample.locate());
    }

    ExperimentSettings settings(CommandLine cmd) {
        return settings(cmd, PaperModels.Variant.PAPER);
    }

    ExperimentSettings settings(CommandLine cmd, PaperModels.Variant defaultVariant) {
        String proto = switch (protocol) {
            case "patient" -> ExperimentSettings.PATIENT;
            case "paper", "slice" -> ExperimentSettings.SLICE;
            default -> throw new CommandLine.ParameterException(cmd, "--protocol must be patient or paper, not '" + protocol + "'");
        };
        PaperModels.Variant v = defaultVariant;
        try {
            if (variant != null) v = PaperModels.Variant.valueOf(variant.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--variant must be paper or improved, not '" + variant + "'");
        }
        ExperimentSettings s = ExperimentSettings.of(proto, v);
        if (quick) s = s.quick();
        if (size != null) s = s.withSize(size);
        if (epochs != null) s = s.withEpochs(epochs);
        if (patience != null) s = s.withPatience(patience);
        if (bone && neighbours) throw new CommandLine.ParameterException(cmd, "--bone and --neighbours cannot be combined yet");
        if (bone) s = s.withChannels(Channels.BRAIN_BONE);
        if (neighbours) s = s.withChannels(Channels.BRAIN_NEIGHBOURS);
        if (tta) s = s.withMirrorTta(true);
        if (headCrop) s = s.withFraming(Framing.HEAD);
        if (seed != null) s = s.withTrainingSeed(seed);
        if (classBalance != null) s = s.withWeighting(classWeighting(cmd, classBalance));
        if (ensembleWeights != null) s = s.withGrid(grid(cmd, ensembleWeights));
        try {
            if (members != null) s = s.withMembers(members);
            if (augment != null) s = s.withAugment(AugmentOptions.ofLabel(augment));
            if (quarterTurns) s = s.withAugment(s.training().augment().withQuarterTurns(true));
            Regularisation r = s.training().regularisation();
            if (weightDecay != null) r = r.withWeightDecay(weightDecay);
            if (ema != null) r = r.withEmaDecay(ema);
            if (labelSmoothing != null) r = r.withLabelSmoothing(labelSmoothing);
            s = s.withRegularisation(r);
            if (focalGamma != null) s = s.withFocalGamma(focalGamma);
            if (trainingShare != null) {
                if (s.leaky()) throw new IllegalArgumentException("--training-share needs a patient split, not --protocol paper");
                s = s.withTrainingShare(trainingShare);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
        return s;
    }

    static WeightGrid grid(CommandLine cmd, String label) {
        return WeightGrid.ofLabel(label).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                "--ensemble-weights must be searched or equal, not '" + label + "'"));
    }

    private static ClassWeighting classWeighting(CommandLine cmd, String label) {
        return switch (label) {
            case "none" -> ClassWeighting.NONE;
            case "weights" -> ClassWeighting.BALANCED;
            case "sampling" -> ClassWeighting.BALANCED_SAMPLING;
            case "level-matched" -> ClassWeighting.LEVEL_MATCHED_SAMPLING;
            default -> throw new CommandLine.ParameterException(cmd,
                    "--class-balance must be none, weights, sampling or level-matched, not '" + label + "'");
        };
    }
}
