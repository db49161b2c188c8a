/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_ERROR_H
#define QUOTH_ERROR_H

/* What went wrong, as one sentence naming the object, for main.c to print as
 * `quoth: PATH[:LINE]: what`. Library code fills it and returns failure; it
 * never prints. */
struct q_error {
    char msg[512];
};

void q_error_set(struct q_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Puts "prefix: " before the message already there. */
void q_error_prefix(struct q_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
