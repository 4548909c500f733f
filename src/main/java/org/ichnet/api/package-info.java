/**
 * ichnet as a library: load a trained ensemble ({@link org.ichnet.api.Ichnet#load} or
 * {@link org.ichnet.api.Ichnet#shipped}), predict files, folders, DICOM series, NIfTI volumes, in-memory images
 * or streams, and read typed results ({@link org.ichnet.api.ScanResult}, {@link org.ichnet.api.SliceResult})
 * with Grad-CAM images. Bad input is an {@link org.ichnet.api.IchnetException}; an
 * {@link org.ichnet.api.Ichnet} is thread-safe and must be closed.
 *
 * <p>This is the only public API of ichnet; every other package is internal and may change.
 */
package org.ichnet.api;
