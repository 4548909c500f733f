package org.ichnet.data;

/**
 * An annotated lesion box in pixels of the image it was drawn on ({@code imageWidth} x {@code imageHeight}),
 * as PHE-SICH's {@code boxes.csv} gives it: around the hematoma and its edema.
 */
public record LesionBox(double xMin, double yMin, double xMax, double yMax, int imageWidth, int imageHeight) {
}
