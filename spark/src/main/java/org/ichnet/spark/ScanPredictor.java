package org.ichnet.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.ichnet.api.Ichnet;
import org.ichnet.api.IchnetException;
import org.ichnet.api.Predictions;
import org.ichnet.api.Problem;
import org.ichnet.api.ScanResult;
import org.ichnet.api.SliceClass;
import org.ichnet.api.SliceResult;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs on the executors: one scan in, its rows out ({@link BatchSchema#scan}), through {@link Ichnet#predict(List)}
 * as {@code ichnet predict} calls it, so the numbers are the same. A scan's rows depend on its files alone, so a
 * retried task writes the same rows again. Bad input never fails the task: it becomes an {@code error}.
 */
final class ScanPredictor implements Serializable {
    private final String modelSpec;
    private final HadoopConf conf;
    private final List<String> members;
    private final ModelThreads threads;

    ScanPredictor(String modelSpec, HadoopConf conf, List<String> members, ModelThreads threads) {
        this.modelSpec = modelSpec;
        this.conf = conf;
        this.members = List.copyOf(members);
        this.threads = threads;
    }

    List<Row> predict(ScanUnit unit) {
        try (Staged staged = Staged.of(unit, conf)) {
            try {
                Ichnet model = ModelHolder.get(modelSpec, conf, threads);
                Predictions predictions = model.predict(staged.paths());
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < predictions.scans().size(); i++) {
                    ScanResult scan = predictions.scans().get(i);
                    String id = predictions.scans().size() == 1 ? unit.id() : unit.id() + "#" + scan.name();
                    // files the API skipped go with the first scan, as in predict's output
                    rows.add(scanRow(unit, id, scan, i == 0 ? predictions.problems() : List.of(), staged));
                }
                return rows;
            } catch (IchnetException e) {
                return List.of(errorRow(unit, e.problems().stream()
                        .map(p -> new Problem(p.file(), p.problem())).toList(), staged));
            }
        } catch (IOException | RuntimeException e) {
            // a hostile file must not stop the job: whatever the API or the copy threw becomes this scan's error
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""));
            return List.of(errorRow(unit, List.of(new Problem(java.nio.file.Path.of(unit.source()), why)), null));
        }
    }

    private Row scanRow(ScanUnit unit, String id, ScanResult scan, List<Problem> problems, Staged staged) {
        List<String> names = scan.model().members();
        if (!names.equals(members)) {
            return errorRow(unit, List.of(new Problem(scan.model().folder(), "model members " + names
                    + " differ from the job's columns " + members + "; give --model")), staged);
        }
        String model = scan.model().folder().getFileName().toString();
        List<Row> slices = new ArrayList<>();
        for (int i = 0; i < scan.slices().size(); i++) slices.add(sliceRow(i, scan.slices().get(i), staged));
        for (Problem p : problems) slices.add(problemRow(p, staged));
        int top = scan.topSlice();
        return RowFactory.create(id, unit.source(), scan.name(), model, ModelVersion.of(scan.model()), Ichnet.version(),
                scan.slices().size(), problems.size(), scan.anyHemorrhage(),
                scan.types().stream().map(SliceClass::name).toList().toArray(new String[0]),
                staged.original(scan.slices().get(top).label()), top, scan.slices().get(top).hemorrhageProbability(),
                scan.decision(), null, slices.toArray(new Row[0]));
    }

    private Row sliceRow(int index, SliceResult slice, Staged staged) {
        List<Object> values = new ArrayList<>();
        values.add(index);
        values.add(staged.original(slice.label()));
        for (SliceClass c : SliceClass.values()) values.add(slice.probability(c));
        values.add(slice.predicted().name());
        for (String m : members) {
            for (SliceClass c : SliceClass.values()) values.add(slice.members().get(m).get(c));
        }
        values.add(null);
        return RowFactory.create(values.toArray());
    }

    private Row problemRow(Problem p, Staged staged) {
        Object[] values = new Object[BatchSchema.slice(members).size()];
        values[1] = original(p, staged);
        values[values.length - 1] = p.problem();
        return RowFactory.create(values);
    }

    private Row errorRow(ScanUnit unit, List<Problem> problems, Staged staged) {
        List<Row> slices = problems.stream().map(p -> problemRow(p, staged)).toList();
        String error = problems.stream().map(p -> original(p, staged) + ": " + p.problem()).reduce((a, b) -> a + "; " + b).orElse("");
        return RowFactory.create(unit.id(), unit.source(), null, null, null, Ichnet.version(), 0, problems.size(), null,
                null, null, null, null, null, error, slices.toArray(new Row[0]));
    }

    private static String original(Problem p, Staged staged) {
        String file = String.valueOf(p.file());
        return staged == null ? file : staged.original(file);
    }
}
