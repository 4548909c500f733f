package org.ichnet.preprocess;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which images feed the model, as channels: the brain window alone; brain and bone windows; or the
 * brain windows of the slice below, the slice itself and the slice above (the RSNA 2019 winners'
 * "2.5D" input: a bleed continues across neighbouring slices, noise and beam-hardening rarely do).
 */
public enum Channels {
    BRAIN(1, "brain", "brain window"),
    BRAIN_BONE(2, "brain+bone", "brain and bone windows as two channels"),
    BRAIN_NEIGHBOURS(3, "brain+neighbours", "brain window of the slice below, the slice and the slice above as three channels");

    private final int count;
    private final String label;
    private final String description;

    Channels(int count, String label, String description) {
        this.count = count;
        this.label = label;
        this.description = description;
    }

    public int count() {
        return count;
    }

    /** The name written to ensemble.json and reports. */
    public String label() {
        return label;
    }

    /** In words, for model cards. */
    public String description() {
        return description;
    }

    public static Optional<Channels> ofLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }
}
