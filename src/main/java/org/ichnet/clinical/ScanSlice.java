package org.ichnet.clinical;

import org.ichnet.preprocess.GrayImage;

/**
 * One slice ready for the models, in the CT-ICH JPG orientation.
 *
 * @param label a file path, or {@code path#k} for slice k of a volume
 * @param brain brain-window image (CT-ICH L40/W120)
 * @param bone  bone-window image (CT-ICH L700/W3200), or null when the input had no HU (JPG/PNG)
 */
public record ScanSlice(String label, GrayImage brain, GrayImage bone) {
}
