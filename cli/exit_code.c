/* exit_code.c - the exit status of the tool for each library error, one
 * distinct status per kind of failure (cli.h lists them). */
#include "cli.h"

int cli_exit_code(int err)
{
	switch (err) {
	case SCRAPE_OK: return EXIT_OK_;
	case SCRAPE_EUSAGE: return EXIT_USAGE;
	case SCRAPE_EIO: case SCRAPE_ELIMIT: case SCRAPE_EBINARY: case SCRAPE_EENCODING:
		return EXIT_INPUT;
	case SCRAPE_EFETCH: case SCRAPE_EHTTP:
		return EXIT_FETCH;
	case SCRAPE_ENOCONTENT:
		return EXIT_NOCONTENT;
	default:
		return EXIT_INTERNAL;
	}
}
