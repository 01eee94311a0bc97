package dev.shabdam.pipeline.dubbing.translation;

/**
 * A service answered 2xx with something that is not a complete translation of what was asked. Worth
 * asking again: models and overloaded services fail like this now and then.
 */
class InvalidAnswerException extends Exception {

    InvalidAnswerException(String message) {
        super(message);
    }
}
