package org.ichnet.reproduce;

import org.ichnet.data.CtDataset;
import org.ichnet.data.DataSource;

import java.util.ArrayList;
import java.util.List;

/** What a reader of a report must know about the labels of the data it was scored on, one note per source that needs one. */
public final class LabelNotes {

    private LabelNotes() {
    }

    public static List<String> of(CtDataset dataset) {
        List<String> notes = new ArrayList<>();
        for (DataSource source : dataset.sources()) {
            if (source.layout().equals(CtDataset.LAYOUT_PHE_SICH)) {
                notes.add(source.name() + ": PHE-SICH labels are weak slice labels: label 1 = ICH (the slice carries a "
                        + "lesion box; every lesion is intraparenchymal), 0 = NORMAL, so a slice at a hematoma's edge may "
                        + "count as NORMAL; its numbers say nothing about SDH or EDH.");
            }
            if (source.layout().equals(CtDataset.LAYOUT_IMAGE_LABELS)) {
                notes.add(source.name() + ": labels are 0/1 any hemorrhage (1 is counted as ICH, its type unknown): only "
                        + "the any-hemorrhage metrics (AUC, patient decisions) apply; accuracy, macro-F1 and the per-class "
                        + "numbers treat every hemorrhage as ICH.");
            }
        }
        return notes;
    }
}
