package example;

import org.ichnet.api.Ichnet;
import org.ichnet.api.IchnetException;
import org.ichnet.api.ScanResult;
import org.ichnet.api.SliceResult;

import java.nio.file.Path;

/** Predicts one head-CT scan (a DICOM file or series, NIfTI, PNG/JPG) with the shipped ichnet models and prints the decision. */
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
