package org.ichnet.split;

import java.util.Locale;

/** What a slice is used for. Written lowercase in split files. */
public enum Role {
    TRAIN, VAL, TEST,
    /** A training patient set aside: a learning-curve run trains on part of its training patients. */
    UNUSED;

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
