/** The ichnet command line: picocli commands, one file each; {@code predict} is a thin layer over {@link org.ichnet.api}. Internal, may change. */
package org.ichnet.cli;
