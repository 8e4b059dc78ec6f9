/* chart.c - bar charts in inline SVG, for the HTML reports */
#include <stdlib.h>
#include <string.h>

#include "cs.h"

struct cs_chart {
	char *series[64], *label[400];
	double v[64][400];
	int ns, nl;
};

static int
find_or_add(char **list, int *n, int max, const char *s)
{
	int i;

	for (i = 0; i < *n; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	if (*n == max)
		return -1;
	list[*n] = cs_xstrdup(s ? s : "");
	return (*n)++;
}

struct cs_chart *
cs_chart_new(void)
{
	return cs_xcalloc(1, sizeof(struct cs_chart));
}

void
cs_chart_add(void *arg, const char *series, const char *lab, double value)
{
	struct cs_chart *s = arg;
	int a = find_or_add(s->series, &s->ns, 64, series ? series : ""),
	    b = find_or_add(s->label, &s->nl, 400, lab ? lab : "");

	if (a >= 0 && b >= 0)
		s->v[a][b] += value;
}

void
cs_chart_free(struct cs_chart *s)
{
	int i;

	if (!s)
		return;
	for (i = 0; i < s->ns; i++)
		free(s->series[i]);
	for (i = 0; i < s->nl; i++)
		free(s->label[i]);
	free(s);
}

static const char *const palette[] = { "#3b6fb6", "#e07b39", "#4a9a5b",
	"#c0504d", "#8064a2", "#4bacc6", "#f2b134", "#7f7f7f" };

/* A bar chart in inline SVG: stacked bars when there are several series,
 * vertical with its labels below, values on top. */
void
cs_chart_svg(FILE *fp, const char *title, const struct cs_chart *s)
{
	double max = 0, sum, h, y;
	int i, j, w = 640, hgt = 220, bw, bar, step;

	fprintf(fp, "<figure><figcaption>");
	cs_html_str(fp, title);
	fprintf(fp, "</figcaption>\n");
	if (s->nl == 0) {
		fprintf(fp, "<p class=\"none\">%s</p></figure>\n",
		    cs_conf.lang_zh ? "本期无数据" : "no data in this period");
		return;
	}
	for (j = 0; j < s->nl; j++) {
		for (sum = 0, i = 0; i < s->ns; i++)
			sum += s->v[i][j];
		if (sum > max)
			max = sum;
	}
	bw = (w - 40) / s->nl;
	if (bw > 60)
		bw = 60;
	/* bars at least a pixel wide; a label every step bars, so that
	 * they do not overlap */
	bar = bw > 5 ? bw - 4 : bw > 1 ? bw - 1 : 1;
	step = (s->nl + 30) / 31;
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n", w, hgt + 60,
	    w, hgt + 60);
	fprintf(fp, "<line x1=\"30\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#999\"/>\n", hgt, w - 5, hgt);
	for (j = 0; j < s->nl; j++) {
		y = hgt;
		for (sum = 0, i = 0; i < s->ns; i++) {
			h = max > 0 ? s->v[i][j] / max * (hgt - 20) : 0;
			y -= h;
			sum += s->v[i][j];
			if (h > 0)
				fprintf(fp, "<rect x=\"%d\" y=\"%.1f\" "
				    "width=\"%d\" height=\"%.1f\" fill=\"%s\">"
				    "<title>%s %s: %g</title></rect>\n",
				    35 + j * bw, y, bar, h,
				    palette[i % 8], s->series[i], s->label[j],
				    s->v[i][j]);
		}
		if (step == 1)
			fprintf(fp, "<text x=\"%d\" y=\"%.1f\" "
			    "font-size=\"11\" text-anchor=\"middle\">%g"
			    "</text>\n", 35 + j * bw + bar / 2, y - 4, sum);
		if (j % step)
			continue;
		fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"11\" "
		    "text-anchor=\"end\" transform=\"rotate(-40 %d %d)\">",
		    35 + j * bw + bar / 2, hgt + 14, 35 + j * bw +
		    bar / 2, hgt + 14);
		cs_html_str(fp, s->label[j]);
		fprintf(fp, "</text>\n");
	}
	fprintf(fp, "</svg>\n");
	if (s->ns > 1 || (s->ns == 1 && *s->series[0])) {
		fprintf(fp, "<p class=\"legend\">");
		for (i = 0; i < s->ns; i++) {
			fprintf(fp, "<span><i style=\"background:%s\"></i>",
			    palette[i % 8]);
			cs_html_str(fp, s->series[i]);
			fprintf(fp, "</span> ");
		}
		fprintf(fp, "</p>\n");
	}
	fprintf(fp, "</figure>\n");
}

