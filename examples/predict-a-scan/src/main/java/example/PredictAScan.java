package example;

import org.ichnet.api.Ichnet;
import org.ichnet.api.IchnetException;
import org.ichnet.api.ScanResult;
import org.ichnet.api.SliceResult;

import java.nio.file.Path;

/**
 * Predicts one head-CT scan (a DICOM file or series, NIfTI, PNG/JPG) with the shipped ichnet model
 * ({@code models/ich-wa2d}, the one model for every input) and prints the decision line. On the bundled
 * {@code sample/ct-ich-dicom/071_14.dcm} (a subdural slice) that is {@code hemorrhage [ICH] on 1 of 1 slices},
 * P(hemorrhage) about 0.82, with {@code ich-wa2d}: the any-hemorrhage call is the useful output, the type split
 * is weak. Patient 071 was a validation patient of the model, so this is a demonstration, not a test.
 */
public final class PredictAScan {
    public static void main(String[] args) {
        Path scan = Path.of(args.length > 0 ? args[0] : "sample/ct-ich-dicom/071_14.dcm");
        try (var model = Ichnet.shipped()) {
            ScanResult r = model.predict(scan);
            SliceResult top = r.slices().get(r.topSlice());
            System.out.printf("%s: %s (any hemorrhage %b; top slice %s, P(hemorrhage) %.3f) with %s%n", scan, r.decision(),
                    r.anyHemorrhage(), top.label(), top.hemorrhageProbability(), r.model().folder().getFileName());
        } catch (IchnetException e) {
            System.err.println("predict-a-scan: " + e.getMessage());
            System.exit(2);
        }
    }
}
