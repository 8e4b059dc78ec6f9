/* gen - writes N generated customer rows as CSV (deterministic).
 * Usage: gen N [ATTRS [changed]] > FILE
 * changed: the same customers in a scrambled order, with the notes that
 * fit on one line changed (two in three), as a re-import from another
 * system would bring them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long seed = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

static long
gcd(long a, long b)
{
	while (b) {
		long t = a % b;

		a = b;
		b = t;
	}
	return a;
}

int
main(int argc, char **argv)
{
	static const char *const sur[] = { "王", "李", "张", "刘", "陈", "杨",
		"黄", "赵", "吴", "周", "欧阳", "司马" };
	static const char *const given[] = { "伟", "芳", "娜", "敏", "静",
		"磊", "洋", "艳", "勇", "军", "杰", "涛", "明", "超", "秀英" };
	static const char *const city[] = { "北京", "上海", "广州", "深圳",
		"杭州", "成都", "武汉", "西安", "南京", "重庆" };
	static const char *const seg[] = { "vip", "normal", "new", "b2b" };
	static const char *const note[] = { "", "老客户，偏好电话联系",
		"\"投诉过物流\", 需跟进", "多行备注\n第二行", "喜欢微信沟通",
		"" };
	long n = argc > 1 ? atol(argv[1]) : 1000000, i, k, step = 1;
	int attrs = argc > 2 ? atoi(argv[2]) : 0, a;
	int changed = argc > 3;
	const char *nt;

	/* Row k is customer k * step mod n: a permutation, as step and n
	 * have no common factor, and step near n / 1.618 sends each row far
	 * from the one before. Each row's values come from its number. */
	if (changed)
		for (step = (long)((double)n * 0.6180339887) | 1;
		    gcd(step, n) != 1; step += 2)
			;

	fputs("code,name,phone,email,city,segment,tags,notes", stdout);
	for (a = 0; a < attrs; a++)
		printf(",attr.a%d", a);
	putchar('\n');
	for (k = 0; k < n; k++) {
		i = (long)((unsigned long long)k * (unsigned long long)step %
		    (unsigned long long)n);
		seed = 88172645463325252ULL ^ ((unsigned long long)i *
		    0x9e3779b97f4a7c15ULL);
		rnd(2);
		nt = note[rnd(6)];
		printf("C%08ld,%s%s,1%u%09u,u%ld@example.com,%s,%s,%s,", i,
		    sur[rnd(12)], given[rnd(15)], 3 + rnd(7), rnd(1000000000),
		    i, city[rnd(10)], seg[rnd(4)], rnd(3) ? "vip;老客户" : "");
		if (nt[0] == '"') {
			fputs("\"\"\"投诉过物流\"\", 需跟进\"", stdout);
		} else if (nt[0] && nt[3] && nt[6] && nt[9] && nt[12] == '\n')
			printf("\"%s\"", nt);
		else
			fputs(nt, stdout);
		if (changed)
			fputs(nt[0] && nt[0] != '"' && !strchr(nt, '\n') ? "。" :
			    nt[0] ? "" : "已更新", stdout);
		for (a = 0; a < attrs; a++)
			printf(",2026-%02u-%02u", 1 + rnd(12), 1 + rnd(28));
		putchar('\n');
	}
	return 0;
}
