package org.ichnet.split;

import java.util.Locale;

/** What a slice is used for. Written lowercase in split files. */
public enum Role {
    TRAIN, VAL, TEST;

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
