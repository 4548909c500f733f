package org.ichnet.spark;

/** A problem with the command line or its inputs: printed as one line, exit code 2, no stack trace. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}
