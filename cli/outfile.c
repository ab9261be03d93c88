/* outfile.c - atomic output files and their folders. */
#include "outfile.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int outfile_make_parents(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(path, 0777);
		int err = errno;
		*p = '/';
		if (rc != 0 && err != EEXIST) {
			errno = err;
			return -1;
		}
	}
	return 0;
}

int outfile_write_atomic(const char *path, const char *data, size_t len, int durable, char **why)
{
	*why = NULL;
	size_t n = strlen(path) + 48;
	char *tmp = malloc(n);
	if (!tmp)
		return -1;
	snprintf(tmp, n, "%s.tmp.%ld.%lx", path, (long)getpid(), (unsigned long)pthread_self());
	FILE *f = fopen(tmp, "wb");
	int ok = f != NULL;
	if (ok) {
		ok = fwrite(data, 1, len, f) == len;
		if (ok && durable)
			ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
		ok = fclose(f) == 0 && ok;
	}
	if (!ok || rename(tmp, path) != 0) {
		char m[512];
		snprintf(m, sizeof m, "cannot write %s: %s", path, strerror(errno));
		*why = strdup(m);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

double outfile_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
