package org.ichnet.data;

/** The paper's four slice classes, in the order used for every probability vector and table. */
public enum HemorrhageClass {
    NORMAL, ICH, SDH, EDH;

    public static final int COUNT = values().length;

    public static HemorrhageClass ofIndex(int index) {
        return values()[index];
    }
}
