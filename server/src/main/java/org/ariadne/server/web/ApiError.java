package org.ariadne.server.web;

/** The body of every error answer: a stable code for programs, a message for people, never a stack trace. */
public record ApiError(String code, String message) {
}
