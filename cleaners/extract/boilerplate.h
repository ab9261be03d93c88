/* boilerplate.h - recognising lines that are page furniture, not content:
 * form labels ("Your Name", "Your Email Address"), widget text ("Print",
 * "Share this", "Send to a friend"). Used by the HTML pipeline and by repair. */
#ifndef SCRAPE_BOILERPLATE_H
#define SCRAPE_BOILERPLATE_H

#include <stddef.h>

/* 1 if the whole line (UTF-8, surrounding whitespace ignored) is boilerplate. */
int boilerplate_is_line(const char *line, size_t len);

/* 1 if a short line reads as a byline or dateline ("By Jane Doe",
 * "Posted by admin on 3 March 2024", "Published: 12 May 2023 10:14"). */
int boilerplate_is_byline(const char *line, size_t len);

/* 1 if a block near the end of an article is an end note rather than text:
 * reporting credits ("Reporting by ...", "... contributed to this report"),
 * contact and follow lines, a bare e-mail address, a newsletter prompt. */
int boilerplate_is_endnote(const char *s, size_t len);

/* 1 if a line is only a separator: "___", "* * *", "-----". */
int boilerplate_is_separator(const char *s, size_t len);

/* 1 if a short line gives a reading time ("4 min read", "Lesezeit: 3 Min."). */
int boilerplate_is_reading_time(const char *s, size_t len);

/* 1 if a line is a gallery counter: "1 of 6", "6/6", "Image 2 of 5". */
int boilerplate_is_counter(const char *s, size_t len);

#endif
