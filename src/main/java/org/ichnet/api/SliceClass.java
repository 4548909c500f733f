package org.ichnet.api;

/** What a head-CT slice shows, in the order every probability of the models is given. */
public enum SliceClass {
    /** No intracranial hemorrhage. */
    NORMAL,
    /** Intraparenchymal, intraventricular or subarachnoid hemorrhage. */
    ICH,
    /** Subdural hemorrhage. */
    SDH,
    /** Epidural hemorrhage. */
    EDH
}
