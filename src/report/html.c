/* html.c - synack report / synack graph (see html.h). */
#include "html.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../capture.h"
#include "../compare/compare.h"
#include "../diag/diag.h"
#include "../pipeline.h"
#include "../print/print.h"
#include "../taps.h"
#include "../util/fmt.h"
#include "series.h"
#include "svg.h"

/* ---- the packet-list tap ------------------------------------------------- */

/* Tags worth a row in a large capture. */
#define ROW_TAGS (SERIES_MARK_TAGS | TAG_DUP_ACK | TAG_ZW_PROBE_ACK | TAG_WINDOW_FULL | TAG_ACKED_UNSEEN | \
		  TAG_BAD_ACK | TAG_OUT_OF_WINDOW | TAG_PORT_REUSE | TAG_SYN | TAG_SYNACK)

struct pktlist {
	struct printer pr;
	struct out *out;        /* a memory file */
	uint64_t rows, seen, tcp;
	double first, last;
};

static int pktlist_packet(void *self, const struct pkt_ctx *px)
{
	struct pktlist *t = self;
	double ts = (double)px->h->ts.tv_sec + px->h->ts.tv_usec / 1e6;
	if (!t->seen)
		t->first = ts;
	t->last = ts;
	t->seen++;
	int tcp = px->pk && px->pk->has_tcp;
	t->tcp += tcp;
	uint32_t tags = px->res && tcp ? px->res->tags : 0;
	if (t->rows >= REPORT_MAX_ROWS)
		return 0;
	if (px->num > REPORT_HEAD_PACKETS && !(tags & ROW_TAGS) && tcp)
		return 0;
	t->rows++;
	/* a record marker the reader splits on: \x01 number tags \n, then the printed line(s) */
	out_char(t->out, '\x01');
	out_u64(t->out, px->num);
	out_char(t->out, ' ');
	out_u64(t->out, tags);
	out_char(t->out, '\n');
	char tagbuf[256];
	const char *tag = NULL;
	if (px->res && tcp && tcp_tags_format(px->res, tagbuf, sizeof tagbuf) > 0)
		tag = tagbuf;
	print_packet(&t->pr, px->h, px->bytes, px->num, tag);
	return 0;
}

static const struct tap_ops tap_pktlist_ops = {"pktlist", pktlist_packet, NULL, NULL, NULL, NULL};

/* ---- helpers ------------------------------------------------------------- */

static int open_memfd(const char *name, struct out **o, char *err)
{
	int fd = memfd_create(name, MFD_CLOEXEC);
	if (fd < 0) {
		snprintf(err, ERRBUF, "memfd_create: %s", strerror(errno));
		return -1;
	}
	*o = malloc(sizeof **o);
	if (!*o) {
		close(fd);
		snprintf(err, ERRBUF, "out of memory");
		return -1;
	}
	out_init(*o, fd);
	return fd;
}

/* The whole memory file, NUL-terminated (caller frees), or NULL. */
static char *slurp(struct out *o, size_t *len)
{
	out_flush(o);
	off_t end = lseek(o->fd, 0, SEEK_END);
	if (end < 0 || lseek(o->fd, 0, SEEK_SET) < 0)
		return NULL;
	char *buf = malloc((size_t)end + 1);
	if (!buf)
		return NULL;
	size_t got = 0;
	while (got < (size_t)end) {
		ssize_t n = read(o->fd, buf + got, (size_t)end - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = 0;
	*len = got;
	return buf;
}


/* ---- one pass over a capture --------------------------------------------- */

/* A capture is one file, or several files read as one (--merge, -V: a rotated -C/-G ring),
 * merged by time as conns and diagnose merge them: connections that cross a file boundary
 * stay whole, and packet and connection numbers are those of the merged stream. */
#define REPORT_MAX_SECTIONS 8 /* -r files without --merge: one section each */

struct pass {
	const char *file;       /* the capture's name on the page (the file, or label) */
	char *label;            /* several files: "a + b + c" (malloc'd) */
	const char **names;     /* the files read */
	int nnames;
	const char *role;       /* "client" / "server" side of two vantage points, or NULL */
	struct capture *caps;   /* [nnames] */
	void (**linkfn)(void);  /* several files: each one's link printer for the packet list */
	struct pipeline pl;
	struct series *series;
	struct tap_diag td;
	struct out *diag_out, *pk_out;
	struct pktlist pk;
	struct opts o;
	int found, failed;
};

/* A packet of file idx.  A file of another link type than the previous packet's gets its
 * own link printer; the packet list's other printer state is the capture's. */
static void pass_packet(void *user, int idx, const struct pcap_pkthdr *h, const uint8_t *bytes)
{
	struct pass *p = user;
	int lt = p->caps[idx].linktype;
	if (p->linkfn && lt != p->pk.pr.nd.linktype) {
		p->pk.pr.fn = p->linkfn[idx];
		p->pk.pr.nd.linktype = lt;
	}
	pipeline_packet(&p->pl, lt, h, bytes);
}

static void pass_cb(void *user, const struct pcap_pkthdr *h, const uint8_t *bytes)
{
	pass_packet(user, 0, h, bytes);
}

/* "a + b + c", or "a + b + ... + z (N files)" for more than four. */
static char *files_label(const char **names, int n)
{
	size_t len = 64;
	for (int i = 0; i < n; i++)
		len += strlen(names[i]) + 3;
	char *s = malloc(len);
	if (!s)
		return NULL;
	size_t off = 0;
	for (int i = 0; i < n; i++) {
		if (n > 4 && i == 2) {
			off += (size_t)snprintf(s + off, len - off, " + ...");
			i = n - 2;
			continue;
		}
		off += (size_t)snprintf(s + off, len - off, "%s%s", i ? " + " : "", names[i]);
	}
	if (n > 4)
		snprintf(s + off, len - off, " (%d files)", n);
	return s;
}

/* Opens the files of one capture and their filter; the "reading from file" lines. */
static int pass_open(struct pass *p, const char **names, int n, const char *filter, char *err)
{
	p->names = names;
	p->nnames = n;
	p->o.nflag = 2;
	p->o.rfile = names[0];
	p->caps = calloc((size_t)n, sizeof *p->caps);
	if (!p->caps) {
		snprintf(err, ERRBUF, "out of memory");
		return -1;
	}
	p->file = names[0];
	if (n > 1 && !(p->file = p->label = files_label(names, n))) {
		snprintf(err, ERRBUF, "out of memory");
		return -1;
	}
	for (int i = 0; i < n; i++) {
		struct capture *c = &p->caps[i];
		if (capture_open_file(c, names[i], &p->o, err) < 0)
			return -1;
		char lt[128];
		capture_linktype_desc(c->linktype, lt, sizeof lt);
		fprintf(stderr, "reading from file %s, link-type %s, snapshot length %d\n", names[i], lt, c->snaplen);
		if (capture_filter(c, filter, 0, 1, err) < 0)
			return -1;
		capture_want_file_stats(c, names[i]);
	}
	return 0;
}

/* The packet list's printer: the first file's link type, and each file's link printer. */
static int pass_printer(struct pass *p, char *err)
{
	if (p->nnames > 1) {
		p->linkfn = calloc((size_t)p->nnames, sizeof *p->linkfn);
		if (!p->linkfn) {
			snprintf(err, ERRBUF, "out of memory");
			return -1;
		}
		for (int i = p->nnames - 1; i > 0; i--) {
			print_init(&p->pk.pr, &p->o, p->pk_out, p->caps[i].linktype);
			p->linkfn[i] = p->pk.pr.fn;
		}
	}
	print_init(&p->pk.pr, &p->o, p->pk_out, p->caps[0].linktype);
	if (p->linkfn)
		p->linkfn[0] = p->pk.pr.fn;
	return 0;
}

/* Reads one capture (n files: merged by time) through the taps.  full: report (diag +
 * packet list), else graph. */
static int pass_run(struct pass *p, const char **names, int n, const char *filter, uint64_t only, int full,
		    char *err)
{
	if (pass_open(p, names, n, filter, err) < 0)
		return -1;
	pipeline_init(&p->pl, 0);
	struct tracker_cfg tc = {0};
	tc.lazy_idle = 1;
	p->series = series_new(only);
	if (!p->series || pipeline_track(&p->pl, &tc) < 0 || pipeline_dedup(&p->pl) < 0) {
		snprintf(err, ERRBUF, "out of memory");
		return -1;
	}
	pipeline_add(&p->pl, &tap_series_ops, p->series);
	if (full) {
		if (open_memfd("synack-findings", &p->diag_out, err) < 0 || open_memfd("synack-packets", &p->pk_out, err) < 0)
			return -1;
		p->td.diag = diag_new(p->diag_out, 1, 0);
		if (!p->td.diag) {
			snprintf(err, ERRBUF, "out of memory");
			return -1;
		}
		if (p->role)
			diag_set_source(p->td.diag, p->file, p->role);
		pipeline_add(&p->pl, &tap_diag_ops, &p->td);
		if (pass_printer(p, err) < 0)
			return -1;
		p->pk.out = p->pk_out;
		pipeline_add(&p->pl, &tap_pktlist_ops, &p->pk);
	}
	int rc = n == 1 ? capture_loop(&p->caps[0], 0, pass_cb, p, NULL, err)
			: capture_loop_merged(p->caps, n, 0, pass_packet, p, err);
	if (rc < 0) {
		fprintf(stderr, "synack: %s\n", err);
		p->failed = 1;
	}
	if (p->td.diag) { /* what diagnose is told about the capture itself */
		struct diag_capture_info ci;
		uint64_t recv = 0, drops = 0;
		int known = 0;
		for (int i = 0; i < n; i++) {
			uint64_t r1, d1;
			if (capture_drop_stats(&p->caps[i], &r1, &d1)) {
				known = 1;
				recv += r1;
				drops += d1;
			}
		}
		tap_capture_info(&ci, &p->pl, known, recv, drops);
		diag_set_capture_info(p->td.diag, &ci);
	}
	p->found = pipeline_finish(&p->pl, "end of capture");
	pipeline_free(&p->pl);
	for (int i = 0; i < n; i++)
		capture_close(&p->caps[i]);
	return 0;
}

static void pass_free(struct pass *p)
{
	series_free(p->series);
	if (p->diag_out) {
		close(p->diag_out->fd);
		free(p->diag_out);
	}
	if (p->pk_out) {
		close(p->pk_out->fd);
		free(p->pk_out);
	}
	for (int i = 0; p->caps && i < p->nnames; i++)
		capture_close(&p->caps[i]);
	free(p->caps);
	free(p->linkfn);
	free(p->label);
}

/* ---- the page ------------------------------------------------------------ */

static const char page_css[] =
	"body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px 40px;color:#1a1a1a;background:#fafafa}"
	"h1{font-size:22px;margin:18px 0 4px}h2{font-size:19px;border-bottom:2px solid #ccc;padding-bottom:3px;margin-top:28px}"
	"h3{font-size:16px;margin:18px 0 6px}code,pre,.pk{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}"
	"dl.sum{display:grid;grid-template-columns:max-content auto;gap:2px 16px;background:#fff;border:1px solid #ddd;padding:10px 14px;border-radius:6px}"
	"dl.sum dt{font-weight:600;color:#444}dl.sum dd{margin:0}.verdict{font-size:16px;font-weight:600}"
	".finding{background:#fff;border:1px solid #ddd;border-left:6px solid #888;border-radius:6px;padding:8px 14px;margin:10px 0}"
	".finding.sev-error,.finding.sev-critical{border-left-color:#b2182b}.finding.sev-warning{border-left-color:#e08214}"
	".finding.sev-info{border-left-color:#2166ac}.sev{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;"
	"padding:1px 6px;border-radius:3px;margin-right:8px;background:#eee;border:1px solid #999}"
	".finding h4{margin:0 0 4px;font-size:15px}.finding ul{margin:4px 0;padding-left:20px}.finding .lbl{font-weight:600;color:#444}"
	".tw{overflow-x:auto}table.conns{border-collapse:collapse;background:#fff;width:100%;font-size:12px}"
	"table.conns th,table.conns td{border:1px solid #ddd;padding:3px 6px;text-align:right;white-space:nowrap}"
	"table.conns td.l,table.conns th.l{text-align:left}table.conns th{background:#eee;cursor:pointer;user-select:none}"
	"table.conns th:after{content:' \\2195';color:#999}table.conns tbody tr:hover{background:#f0f6ff;cursor:pointer}"
	"details.conn{background:#fff;border:1px solid #ddd;border-radius:6px;margin:10px 0;padding:6px 10px}"
	"details.conn summary{cursor:pointer;font-weight:600}.graphs svg{max-width:100%;height:auto;display:block;margin:8px 0;"
	"border:1px solid #eee}.graphs svg.graph{cursor:grab}.hint{color:#555;font-size:12px}"
	".pkts{background:#fff;border:1px solid #ddd;max-height:480px;overflow:auto;padding:4px 0}"
	".pk{white-space:pre;padding:0 8px}.pk .n{color:#777;display:inline-block;min-width:6ch;text-align:right;margin-right:1ch}"
	".pk.t-rx{background:#fde3d7}.pk.t-ooo{background:#dbe9f6}.pk.t-zw{background:#efdcea}.pk.t-dup{background:#f6f6dc}"
	".pk.gap{color:#777;font-style:italic}.pk.hl{outline:3px solid #000;background:#ffe66d}"
	".mk.hl path{stroke:#000;stroke-width:3}.ann.hl text,.lrow.hl text{font-weight:bold;fill:#000}a.plink{font-weight:600}.missing{color:#b2182b}"
	"button{font:inherit;font-size:12px;margin-right:6px}"
	"@media print{.pkts{max-height:none;overflow:visible}button,.hint{display:none}details.conn{break-inside:avoid}}";

/* Plain inline script: table sorting, findings, packet links, zoom and pan. */
static const char page_js[] =
	"'use strict';\n"
	"const PW=850,PH=300;\n"
	"function el(t,c,txt){const e=document.createElement(t);if(c)e.className=c;if(txt!==undefined)e.textContent=txt;return e;}\n"
	"function sortTable(th){const tb=th.closest('table').tBodies[0];const i=th.cellIndex;const asc=th.dataset.dir!=='asc';"
	"th.dataset.dir=asc?'asc':'desc';const rows=Array.from(tb.rows);rows.sort((a,b)=>{const x=a.cells[i].dataset.v??a.cells[i].textContent,y=b.cells[i].dataset.v??b.cells[i].textContent;"
	"const nx=parseFloat(x),ny=parseFloat(y);let r=(!isNaN(nx)&&!isNaN(ny))?nx-ny:String(x).localeCompare(String(y));return asc?r:-r;});"
	"rows.forEach(r=>tb.appendChild(r));}\n"
	"document.querySelectorAll('table.conns th').forEach(th=>th.addEventListener('click',()=>sortTable(th)));\n"
	"document.querySelectorAll('table.conns tbody').forEach(tb=>tb.addEventListener('click',ev=>{const tr=ev.target.closest('tr');"
	"const d=tr&&document.getElementById(tr.dataset.target);if(d){d.open=true;d.scrollIntoView();}}));\n"
	"function showPacket(cap,n){const sec=document.getElementById(cap);if(!sec)return;sec.querySelectorAll('.hl').forEach(e=>e.classList.remove('hl'));"
	"const row=document.getElementById(cap+'-p'+n);const msg=sec.querySelector('.pkmsg');"
	"sec.querySelectorAll('.mk[data-pkt=\"'+n+'\"],.ann[data-pkt=\"'+n+'\"],.lrow[data-pkt=\"'+n+'\"]').forEach(m=>{m.classList.add('hl');const d=m.closest('details');if(d)d.open=true;});"
	"if(row){row.classList.add('hl');row.scrollIntoView({block:'center'});msg.textContent='';}"
	"else{msg.textContent='packet '+n+' is not in the packet list (large captures show only the relevant slices)';msg.scrollIntoView();}}\n"
	/* evidence text with 'packet N' / 'packets N' turned into links */
	"function linkify(sec,parent,text){const re=/\\b(?:(client|server)-side )?(packets?|pkt)\\s+#?(\\d+)/g;let last=0,m;"
	"while((m=re.exec(text))!==null){const cap=(m[1]&&sec.dataset[m[1]])||sec.id;"
	"parent.appendChild(document.createTextNode(text.slice(last,m.index)+(m[1]?m[1]+'-side ':'')+m[2]+' '));"
	"const a=el('a','plink',m[3]);a.href='#'+cap+'-p'+m[3];a.dataset.pkt=m[3];a.dataset.cap=cap;"
	"a.addEventListener('click',ev=>{ev.preventDefault();showPacket(a.dataset.cap,a.dataset.pkt);});parent.appendChild(a);last=m.index+m[0].length;}"
	"parent.appendChild(document.createTextNode(text.slice(last)));}\n"
	/* "a:1 -> b:2" (or "<->") to a link to that connection's graphs in this section's table */
	"function connLink(sec,conn){if(!conn)return null;const ab=String(conn).split(/\\s*<?->\\s*/);if(ab.length!==2)return null;"
	"for(const tr of sec.querySelectorAll('table.conns tbody tr')){if(tr.cells[3].textContent===ab[0]&&tr.cells[4].textContent===ab[1]"
	"&&document.getElementById(tr.dataset.target)){const a=el('a','clink','graphs of connection #'+tr.cells[0].textContent);"
	"a.href='#'+tr.dataset.target;a.addEventListener('click',()=>{document.getElementById(tr.dataset.target).open=true;});return a;}}return null;}\n"
	"function renderFindings(sec){const cap=sec.id;const data=sec.querySelector('script.findings-json');const box=sec.querySelector('.findings');"
	"if(!data||!box)return;let n=0,first=null;const lines=data.textContent.split('\\n');"
	"for(const line of lines){if(!line.trim())continue;let f;try{f=JSON.parse(line);}catch(e){continue;}if(f.summary)continue;n++;if(!first)first={severity:String(f.severity||''),title:String(f.title||f.id||'')};"
	"const d=el('div','finding sev-'+String(f.severity||'info').replace(/[^a-z]/g,''));d.dataset.id=f.id||'';"
	"const h=el('h4');h.appendChild(el('span','sev',f.severity||''));h.appendChild(document.createTextNode(f.title||f.id||''));d.appendChild(h);"
	"const where=[];if(f.server)where.push('server '+f.server);if(f.conn)where.push(f.conn);if(f.connections>1)where.push(f.connections+' connections');"
	"if(where.length){const p=el('div');p.appendChild(el('span','lbl','Where: '));p.appendChild(document.createTextNode(where.join(' \\u00b7 ')));"
	"const c=connLink(sec,f.conn);if(c){p.appendChild(document.createTextNode(' \\u00b7 '));p.appendChild(c);}d.appendChild(p);}"
	"const ev=Array.isArray(f.evidence)?f.evidence:(f.evidence?[String(f.evidence)]:[]);if(ev.length){d.appendChild(el('div','lbl','Evidence'));"
	"const ul=el('ul');for(const e of ev){const li=el('li');linkify(sec,li,String(e));ul.appendChild(li);}d.appendChild(ul);}"
	"if(Array.isArray(f.packets)&&f.packets.length){const p=el('div');p.appendChild(el('span','lbl','Packets: '));"
	"f.packets.forEach((k,i)=>{if(i)p.appendChild(document.createTextNode(', '));linkify(sec,p,'packet '+parseInt(k,10));});d.appendChild(p);}"
	"for(const k of [['causes','Likely causes: '],['consequences','Consequences: '],['next','Next: ']]){if(!f[k[0]])continue;"
	"const p=el('div');p.appendChild(el('span','lbl',k[1]));const v=Array.isArray(f[k[0]])?f[k[0]].join('; '):String(f[k[0]]);"
	"p.appendChild(k[0]==='next'?el('code','',v):document.createTextNode(v));d.appendChild(p);}box.appendChild(d);}"
	"if(!n)box.appendChild(el('p','','No findings: nothing wrong was found in this capture.'));"
	"const v=sec.querySelector('.verdict');if(v&&first){v.textContent=first.severity+': '+first.title+(n>1?' (and '+(n-1)+' more finding'+(n>2?'s':'')+')':'');}}\n"
	"document.querySelectorAll('section.capture').forEach(renderFindings);\n"
	/* zoom and pan: the nested plot svg's viewBox; markers keep their size, tick labels follow */
	"function setupGraph(g){const plot=g.querySelector('svg.plot');if(!plot)return;const x0=+g.dataset.x0,x1=+g.dataset.x1,y0=+g.dataset.y0,y1=+g.dataset.y1;"
	"let vb={x:0,y:0,w:PW,h:PH};const mks=Array.from(plot.querySelectorAll('.mk,.ann'));const tks=Array.from(g.querySelectorAll('.tk'));"
	"tks.forEach(t=>{t.dataset.orig=t.textContent;});"
	"function fmt(v,span){if(Math.abs(v)<Math.abs(span)*1e-9)v=0;return String(parseFloat(v.toPrecision(6)));}"
	"function apply(){plot.setAttribute('viewBox',vb.x+' '+vb.y+' '+vb.w+' '+vb.h);const s=vb.w/PW;"
	"mks.forEach(m=>m.setAttribute('transform','translate('+m.dataset.x+' '+m.dataset.y+') scale('+s+')'));"
	"const full=vb.w===PW&&vb.h===PH&&vb.x===0&&vb.y===0;"
	"tks.forEach(t=>{const px=+t.dataset.px;if(full){t.textContent=t.dataset.orig;}"
	"else if(t.dataset.axis==='x'){t.textContent=fmt(x0+(vb.x+px*vb.w/PW)/PW*(x1-x0),x1-x0);}"
	"else{t.textContent=fmt(y0+(PH-(vb.y+px*vb.h/PH))/PH*(y1-y0),y1-y0);}});}"
	"function pos(ev){const r=plot.getBoundingClientRect();if(!(r.width>0&&r.height>0))return{x:-1,y:-1};"
	"return{x:(ev.clientX-r.left)/r.width,y:(ev.clientY-r.top)/r.height};}"
	"g.addEventListener('wheel',ev=>{const p=pos(ev);if(p.x<0||p.x>1||p.y<0||p.y>1)return;ev.preventDefault();"
	"const f=ev.deltaY<0?0.8:1.25;const nw=Math.min(PW,vb.w*f),nh=Math.min(PH,vb.h*f);const cx=vb.x+p.x*vb.w,cy=vb.y+p.y*vb.h;"
	"vb={x:cx-p.x*nw,y:cy-p.y*nh,w:nw,h:nh};clamp();apply();},{passive:false});"
	"function clamp(){vb.x=Math.max(0,Math.min(PW-vb.w,vb.x));vb.y=Math.max(0,Math.min(PH-vb.h,vb.y));}"
	"let drag=null;g.addEventListener('mousedown',ev=>{drag={x:ev.clientX,y:ev.clientY,vb:Object.assign({},vb)};ev.preventDefault();});"
	"window.addEventListener('mousemove',ev=>{if(!drag)return;const r=plot.getBoundingClientRect();if(!(r.width>0))return;"
	"vb.x=drag.vb.x-(ev.clientX-drag.x)/r.width*vb.w;vb.y=drag.vb.y-(ev.clientY-drag.y)/r.height*vb.h;clamp();apply();});"
	"window.addEventListener('mouseup',()=>{drag=null;});"
	"function reset(){vb={x:0,y:0,w:PW,h:PH};apply();}g.addEventListener('dblclick',reset);g.resetZoom=reset;}\n"
	"document.querySelectorAll('svg.graph').forEach(setupGraph);\n"
	"document.querySelectorAll('button.reset').forEach(b=>b.addEventListener('click',()=>{"
	"b.closest('.graphs').querySelectorAll('svg.graph').forEach(g=>{if(g.resetZoom)g.resetZoom();});}));\n"
	"document.querySelectorAll('a.plink-static').forEach(a=>a.addEventListener('click',ev=>{ev.preventDefault();"
	"showPacket(a.dataset.cap,a.dataset.pkt);}));\n"
	/* time to the load event, for bench/report.sh */
	"window.addEventListener('load',()=>{document.body.dataset.loadMs=Math.round(performance.now());});\n"
	/* printing: every connection's graphs */
	"window.addEventListener('beforeprint',()=>{document.querySelectorAll('details.conn').forEach(d=>{d.open=true;});});\n";

static void nonce_make(char *buf, size_t n)
{
	unsigned char r[12];
	if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		for (size_t i = 0; i < sizeof r; i++)
			r[i] = (unsigned char)((ts.tv_nsec >> (i % 4 * 8)) ^ (ts.tv_sec >> (i % 3)) ^ (i * 77));
	}
	static const char hex[] = "0123456789abcdef";
	size_t k = 0;
	for (size_t i = 0; i < sizeof r && k + 2 < n; i++) {
		buf[k++] = hex[r[i] >> 4];
		buf[k++] = hex[r[i] & 15];
	}
	buf[k] = 0;
}

static void page_begin(struct out *o, const char *nonce, struct pass *passes, int n)
{
	out_str(o, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
	out_fmt(o,
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'nonce-%s'; "
		"style-src 'nonce-%s'; img-src data:; base-uri 'none'; form-action 'none'\">\n",
		nonce, nonce);
	out_str(o, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>synack report: ");
	for (int i = 0; i < n; i++) {
		if (i)
			out_str(o, ", ");
		svg_escs(o, passes[i].file);
	}
	out_fmt(o, "</title>\n<style nonce=\"%s\">", nonce);
	out_str(o, page_css);
	out_str(o, "</style></head><body>\n<h1>synack report</h1>\n<p class=\"hint\">Made by synack from ");
	for (int i = 0; i < n; i++) {
		if (i)
			out_str(o, " and ");
		out_str(o, "<code>");
		svg_escs(o, passes[i].file);
		out_str(o, "</code>");
	}
	out_str(o, ". Graphs: mouse wheel zooms, drag pans, double-click resets. Packet numbers in the findings "
		   "link to the packet list and mark the packet on the graphs.</p>\n");
}

static void td_num(struct out *o, double v, const char *text)
{
	out_fmt(o, "<td data-v=\"%.9g\">%s</td>", v, text);
}

static void td_u(struct out *o, uint64_t a, uint64_t b)
{
	out_fmt(o, "<td data-v=\"%llu\">%llu/%llu</td>", (unsigned long long)(a + b), (unsigned long long)a,
		(unsigned long long)b);
}

static const struct {
	int kind;
	const char *what;
} graph_list[] = {{GRAPH_TSG, "tsg"}, {GRAPH_LADDER, "ladder"}, {GRAPH_THROUGHPUT, "throughput"}, {GRAPH_RTT, "rtt"},
		  {GRAPH_INFLIGHT, "inflight"}};

static void section_conns(struct out *o, struct pass *p, const char *cap)
{
	struct series *s = p->series;
	size_t n = series_count(s);
	out_str(o, "<h3>Connections</h3>\n");
	if (!n) {
		out_str(o, "<p>No TCP connections.</p>\n");
		return;
	}
	out_str(o, "<p class=\"hint\">Click a column to sort, a row to open its graphs. # is the connection number of "
		   "<code>synack conns</code> and <code>synack graph --conn N</code>.</p>\n");
	out_str(o, "<div class=\"tw\"><table class=\"conns\"><thead><tr><th>#</th><th class=\"l\">start (UTC)</th><th>duration (s)</th>"
		   "<th class=\"l\">client</th><th class=\"l\">server</th><th class=\"l\">state</th><th>packets c&gt;s/s&gt;c</th>"
		   "<th>bytes c&gt;s/s&gt;c</th><th>retransmissions</th><th>RTT avg (ms)</th><th class=\"l\">end</th></tr></thead><tbody>\n");
	size_t rows = 0, skipped = 0;
	for (size_t i = 0; i < n; i++) {
		const struct series_conn *c = series_get(s, i);
		if (!c)
			continue;
		/* large captures: the first connections, then only the ones that look unwell */
		int unwell = c->retrans[0] + c->retrans[1] + c->zerowin[0] + c->zerowin[1] > 0 || strcmp(c->state, "SF") != 0;
		if (rows >= REPORT_MAX_TABLE_ROWS || (rows >= REPORT_HEAD_CONNS && !unwell)) {
			skipped++;
			continue;
		}
		rows++;
		char tb[64], num[32];
		fmt_datetime(tb, sizeof tb, c->start); /* local time, as every output */
		out_fmt(o, "<tr data-target=\"%s-conn-%llu\"><td data-v=\"%llu\">%llu</td><td class=\"l\" data-v=\"%.6f\">%s</td>", cap,
			(unsigned long long)c->num, (unsigned long long)c->num, (unsigned long long)c->num, c->start, tb + 11);
		snprintf(num, sizeof num, "%.6f", c->duration);
		td_num(o, c->duration, num);
		out_str(o, "<td class=\"l\" \">");
		svg_escs(o, c->client);
		out_str(o, "</td><td class=\"l\" \">");
		svg_escs(o, c->server);
		out_str(o, "</td><td class=\"l\" \">");
		svg_escs(o, c->state);
		out_str(o, "</td>");
		td_u(o, c->pkts[0], c->pkts[1]);
		td_u(o, c->bytes[0], c->bytes[1]);
		td_u(o, c->retrans[0], c->retrans[1]);
		if (c->rtt_n) {
			snprintf(num, sizeof num, "%.3f", c->rtt_avg);
			td_num(o, c->rtt_avg, num);
		} else {
			td_num(o, -1, "-");
		}
		out_str(o, "<td class=\"l\" \">");
		svg_escs(o, c->end);
		out_str(o, "</td></tr>\n");
	}
	out_str(o, "</tbody></table></div>\n");
	if (series_table_dropped(s) || skipped)
		out_fmt(o, "<p class=\"hint\">%llu more connections not listed: the table shows the first %d, then only "
			   "connections with retransmissions, zero windows or a state other than SF, at most %d rows "
			   "(<code>synack conns</code> lists them all).</p>\n",
			(unsigned long long)(series_table_dropped(s) + skipped), REPORT_HEAD_CONNS, REPORT_MAX_TABLE_ROWS);
	out_str(o, "<h3>Graphs per connection</h3>\n");
	int shown = 0, opened = 0, any_marks = 0;
	size_t nograph = 0;
	for (size_t i = 0; i < n; i++) {
		const struct series_conn *c = series_get(s, i);
		if (c && c->has_series && c->nmarks)
			any_marks = 1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct series_conn *c = series_get(s, i);
		if (!c)
			continue;
		if (!c->has_series) {
			nograph++;
			continue;
		}
		/* open: the first two connections with event markers, else the first two */
		int open = c->nmarks ? opened < 2 : (!any_marks && opened < 2);
		opened += open;
		out_fmt(o, "<details class=\"conn\" id=\"%s-conn-%llu\"%s><summary>#%llu ", cap, (unsigned long long)c->num,
			open ? " open" : "", (unsigned long long)c->num);
		svg_escs(o, c->client);
		out_str(o, " &#8594; ");
		svg_escs(o, c->server);
		out_fmt(o, " &#183; %s &#183; %llu retransmission%s</summary>\n<div class=\"graphs\"><button class=\"reset\">reset zoom</button>\n",
			c->state, (unsigned long long)(c->retrans[0] + c->retrans[1]), c->retrans[0] + c->retrans[1] == 1 ? "" : "s");
		for (size_t g = 0; g < sizeof graph_list / sizeof graph_list[0]; g++)
			svg_graph(o, c, (enum graph_kind)graph_list[g].kind, 0);
		out_str(o, "</div></details>\n");
		shown++;
	}
	if (nograph)
		out_fmt(o, "<p class=\"hint\">%zu more connections have no graphs: at most %d connections get graphs, "
			   "those with events first (<code>synack graph --conn N</code> draws any of them).</p>\n",
			nograph, SERIES_MAX_GRAPH);
}

static void section_packets(struct out *o, struct pass *p, const char *cap)
{
	size_t len;
	char *buf = slurp(p->pk_out, &len);
	out_str(o, "<h3>Packets</h3>\n");
	if (p->pk.seen > p->pk.rows)
		out_fmt(o, "<p class=\"hint\">%llu of %llu packets shown: the first %d, then those with analysis tags or not TCP "
			   "(at most %d rows).</p>\n",
			(unsigned long long)p->pk.rows, (unsigned long long)p->pk.seen, REPORT_HEAD_PACKETS, REPORT_MAX_ROWS);
	out_str(o, "<p class=\"pkmsg missing\"></p><div class=\"pkts\">\n");
	if (!buf) {
		out_str(o, "</div>\n");
		return;
	}
	uint64_t prev = 0;
	char *s = buf, *end = buf + len;
	while (s < end) {
		if (*s != '\x01') { /* stray text (should not happen): skip the line */
			char *nl = memchr(s, '\n', (size_t)(end - s));
			s = nl ? nl + 1 : end;
			continue;
		}
		s++;
		char *e;
		unsigned long long num = strtoull(s, &e, 10);
		unsigned long tags = strtoul(e, &e, 10);
		char *nl = memchr(e, '\n', (size_t)(end - e));
		if (!nl)
			break;
		char *text = nl + 1;
		/* the record runs to the next marker at a line start */
		char *next = text;
		while (next < end) {
			char *q = memchr(next, '\n', (size_t)(end - next));
			if (!q) {
				next = end;
				break;
			}
			next = q + 1;
			if (next < end && *next == '\x01')
				break;
		}
		size_t tl = (size_t)(next - text);
		while (tl && text[tl - 1] == '\n')
			tl--;
		if (prev && num > prev + 1)
			out_fmt(o, "<div class=\"pk gap\">      &#8230; %llu packet%s not shown &#8230;</div>\n", num - prev - 1,
				num - prev - 1 == 1 ? "" : "s");
		prev = num;
		const char *cls = (tags & (TAG_RETRANS | TAG_FAST_RETRANS | TAG_SPURIOUS)) ? " t-rx"
				  : (tags & TAG_OUT_OF_ORDER)                              ? " t-ooo"
				  : (tags & (TAG_ZERO_WINDOW | TAG_ZW_PROBE))              ? " t-zw"
				  : (tags & TAG_DUP_ACK)                                   ? " t-dup"
											   : "";
		out_fmt(o, "<div class=\"pk%s\" id=\"%s-p%llu\"><span class=\"n\">%llu</span>", cls, cap, num, num);
		svg_esc(o, text, tl);
		out_str(o, "</div>\n");
		s = next;
	}
	if (prev && prev < p->pk.seen)
		out_fmt(o, "<div class=\"pk gap\">      &#8230; %llu packet%s not shown &#8230;</div>\n",
			(unsigned long long)(p->pk.seen - prev), p->pk.seen - prev == 1 ? "" : "s");
	out_str(o, "</div>\n");
	free(buf);
}

/* The findings container and their NDJSON, rendered by the page script. */
static void findings_block(struct out *o, const char *fj, size_t flen)
{
	out_str(o, "<h3>Findings</h3>\n<div class=\"findings\"></div>\n<script type=\"application/json\" class=\"findings-json\">");
	/* NDJSON as is, except '<' (so no "</script>" can end the block); JSON allows \u003c only
	 * inside strings, which is the only place '<' can appear in valid JSON */
	for (size_t i = 0; fj && i < flen; i++) {
		if (fj[i] == '<')
			out_str(o, "\\u003c");
		else
			out_char(o, fj[i]);
	}
	out_str(o, "</script>\n");
}

/* The lost packets synack compare keeps as examples (a few per kind and path), as a ladder:
 * each leaves its sender's capture point and stops half way with a cross. */
static void paths_ladder(struct out *o, const struct cmp_result *cr, int client_idx)
{
	const struct cmp_loss *ls[2 * CMP_NKINDS * CMP_EXAMPLES];
	int dirs[2 * CMP_NKINDS * CMP_EXAMPLES];
	int n = 0;
	for (int p = 0; p < 2; p++)
		for (int k = 0; k < CMP_NKINDS; k++)
			for (int e = 0; e < cr->path[p].nex[k] && e < CMP_EXAMPLES; e++) {
				ls[n] = &cr->path[p].ex[k][e];
				dirs[n++] = p;
			}
	if (!n)
		return;
	/* time order on the client-side clock (path 0's t_sender, path 1's t_receiver) */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0; j--) {
			double a = dirs[j - 1] ? ls[j - 1]->t_receiver : ls[j - 1]->t_sender;
			double b = dirs[j] ? ls[j]->t_receiver : ls[j]->t_sender;
			if (a <= b)
				break;
			const struct cmp_loss *tl = ls[j];
			ls[j] = ls[j - 1], ls[j - 1] = tl;
			int td = dirs[j];
			dirs[j] = dirs[j - 1], dirs[j - 1] = td;
		}
	const int xc = 260, xs = 700, row = 34, w = 960;
	int h = 70 + row * n;
	out_fmt(o, "<h3>Packets lost between the captures</h3>\n<p class=\"hint\">Examples kept by the matcher (up to %d "
		   "per kind and direction); times on the client-side clock.</p>\n",
		CMP_EXAMPLES);
	out_fmt(o, "<div class=\"graphs\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph-static g-pathladder\" "
		   "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n"
		   "<title>packets lost between the two capture points</title><rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n",
		w, h, w, h);
	out_fmt(o, "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-weight=\"bold\">client-side capture</text>"
		   "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-weight=\"bold\">server-side capture</text>\n"
		   "<text x=\"10\" y=\"24\" fill=\"#555\">time</text>\n"
		   "<line x1=\"%d\" x2=\"%d\" y1=\"32\" y2=\"%d\" stroke=\"#444\" stroke-width=\"2\"/>"
		   "<line x1=\"%d\" x2=\"%d\" y1=\"32\" y2=\"%d\" stroke=\"#444\" stroke-width=\"2\"/>\n",
		xc, xs, xc, xc, h - 8, xs, xs, h - 8);
	for (int i = 0; i < n; i++) {
		const struct cmp_loss *l = ls[i];
		int y = 48 + row * i, from = dirs[i] ? xs : xc, stop = (xc + xs) / 2 + (dirs[i] ? 40 : -40);
		double t = dirs[i] ? l->t_receiver : l->t_sender;
		char ts[32];
		fmt_clock(ts, sizeof ts, t);
		int cap = dirs[i] ? 2 - client_idx : client_idx + 1;
		out_fmt(o, "<g class=\"lost\" data-pkt=\"%llu\"><text x=\"10\" y=\"%d\" fill=\"#333\">%s</text>"
			   "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#D55E00\" stroke-width=\"2\"/>"
			   "<path d=\"M%d,%d l10,10 m0,-10 l-10,10\" stroke=\"#D55E00\" stroke-width=\"3\"/>",
			(unsigned long long)l->num, y + 14, ts, from, y + 8, stop,
			y + 14, stop - 5, y + 9);
		out_fmt(o, "<a class=\"plink-static\" href=\"#cap%d-p%llu\" data-cap=\"cap%d\" data-pkt=\"%llu\">"
			   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#D55E00\">lost ",
			cap, (unsigned long long)l->num, cap, (unsigned long long)l->num, (xc + xs) / 2, y + 4);
		svg_escs(o, l->kind);
		out_str(o, " [");
		svg_escs(o, l->flags);
		out_fmt(o, "] seq %u len %u, %s-side packet %llu</text></a></g>\n", l->seq, l->len, dirs[i] ? "server" : "client",
			(unsigned long long)l->num);
	}
	out_str(o, "</svg></div>\n");
}

/* Two vantage points of the same traffic: what happened between them (synack compare's matcher,
 * diagnose's path findings).  Packet numbers in "client-side packet N" link to that capture. */
static int section_paths(struct out *o, const struct cmp_result *cr, int client_idx, char *err)
{
	struct out *po;
	if (open_memfd("synack-paths", &po, err) < 0)
		return -1;
	int found = diag_paths(po, 1, cr);
	size_t len = 0;
	char *fj = slurp(po, &len);
	close(po->fd);
	free(po);
	out_fmt(o, "<section class=\"capture paths\" id=\"paths\" data-client=\"cap%d\" data-server=\"cap%d\">\n"
		   "<h2>Between the two captures</h2>\n<dl class=\"sum\"><dt>Verdict</dt><dd class=\"verdict\">%s</dd>"
		   "<dt>Client side</dt><dd>",
		client_idx + 1, 2 - client_idx, found ? "Problems found." : "No problems found.");
	svg_escs(o, cr->name[cr->client_cap]);
	out_str(o, "</dd><dt>Server side</dt><dd>");
	svg_escs(o, cr->name[!cr->client_cap]);
	if (cr->role_why) /* how the roles were told apart; nothing when not known */
		out_fmt(o, " (roles from %s)", cr->role_why);
	out_fmt(o, "</dd><dt>Clock offset</dt><dd>server-side clock = client-side clock %+.6f s, drift %+.2f ppm</dd>"
		   "<dt>Matched</dt><dd>%llu packets; lost client&#8594;server %llu, server&#8594;client %llu</dd></dl>\n",
		cr->offset, cr->drift_ppm, (unsigned long long)cr->matched,
		(unsigned long long)cr->path[0].lost, (unsigned long long)cr->path[1].lost);
	findings_block(o, fj, len);
	free(fj);
	paths_ladder(o, cr, client_idx);
	out_str(o, "</section>\n");
	return found;
}

static void section(struct out *o, struct pass *p, int idx, int n)
{
	char cap[16];
	snprintf(cap, sizeof cap, "cap%d", idx + 1);
	size_t flen = 0;
	char *fj = slurp(p->diag_out, &flen);
	char vantage[48] = "unknown";
	if (fj) {
		const char *v = strstr(fj, "\"summary\":true");
		v = v ? strstr(v, "\"vantage\":\"") : NULL;
		if (v) {
			v += 11;
			size_t k = strcspn(v, "\"");
			if (k >= sizeof vantage)
				k = sizeof vantage - 1;
			memcpy(vantage, v, k);
			vantage[k] = 0;
		}
	}
	out_fmt(o, "<section class=\"capture\" id=\"%s\">\n<h2>", cap);
	if (n > 1)
		out_fmt(o, "Capture %d%s%s%s: ", idx + 1, p->role ? " (" : "", p->role ? p->role : "", p->role ? " side)" : "");
	svg_escs(o, p->file);
	out_str(o, "</h2>\n<dl class=\"sum\"><dt>Verdict</dt><dd class=\"verdict\">");
	out_str(o, p->found ? "Problems found." : "No problems found.");
	out_str(o, "</dd><dt>Capture</dt><dd>");
	if (p->nnames > 1) { /* a ring: every file, read as one */
		out_fmt(o, "%d files read as one capture, merged by time: ", p->nnames);
		for (int i = 0; i < p->nnames; i++) {
			out_str(o, i ? ", <code>" : "<code>");
			svg_escs(o, p->names[i]);
			out_str(o, "</code>");
		}
	} else {
		svg_escs(o, p->file);
	}
	char a[64], b[64];
	fmt_datetime(a, sizeof a, p->pk.first);
	fmt_datetime(b, sizeof b, p->pk.last);
	out_str(o, "</dd><dt>Time span</dt><dd>");
	if (p->pk.seen)
		out_fmt(o, "%s &#8211; %s (%.3f s)", a, b, p->pk.last - p->pk.first);
	else
		out_str(o, "no packets");
	out_fmt(o, "</dd><dt>Packets</dt><dd>%llu (%llu TCP)</dd><dt>TCP connections</dt><dd>%zu</dd>",
		(unsigned long long)p->pk.seen, (unsigned long long)p->pk.tcp, series_count(p->series));
	out_str(o, "<dt>Capture point</dt><dd>");
	svg_escs(o, vantage);
	out_fmt(o, " (inferred by synack diagnose)</dd><dt>Exit status</dt><dd>%d (as <code>synack diagnose</code>: %s)</dd></dl>\n",
		p->failed ? 2 : p->found ? 1 : 0, p->failed ? "error reading the capture" : p->found ? "problems found" : "nothing wrong");
	findings_block(o, fj, flen);
	free(fj);
	section_conns(o, p, cap);
	section_packets(o, p, cap);
	out_str(o, "</section>\n");
}

static void page_end(struct out *o, const char *nonce)
{
	out_fmt(o, "<script nonce=\"%s\">\n", nonce);
	out_str(o, page_js);
	out_str(o, "</script>\n</body></html>\n");
}

/* ---- command line -------------------------------------------------------- */

static void usage(FILE *f)
{
	fputs("Usage: synack report -r file [-r file2 ...] [--merge] [-o report.html] [expression]\n"
	      "       synack report -V filelist [-o report.html] [expression]\n"
	      "       synack graph tsg|throughput|rtt|inflight|ladder -r file [-r file2 ... --merge | -V filelist]\n"
	      "                    --conn N [-o out.svg] [expression]\n"
	      "Several -r: two vantage points of the same traffic, else one section per file; with --merge,\n"
	      "or the files listed in -V's filelist (one a line), one capture merged by time (a -C/-G ring).\n"
	      "N is the connection number as synack conns numbers them (1 = the first connection to start).\n",
	      f);
}

static char *join(char **v, int n)
{
	size_t len = 1;
	for (int i = 0; i < n; i++)
		len += strlen(v[i]) + 1;
	char *s = calloc(1, len);
	if (!s)
		return NULL;
	size_t off = 0;
	for (int i = 0; i < n; i++) {
		size_t k = strlen(v[i]);
		if (i)
			s[off++] = ' ';
		memcpy(s + off, v[i], k);
		off += k;
	}
	return s;
}

static int open_output(const char *path)
{
	if (!path || strcmp(path, "-") == 0)
		return 1;
	return open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
}

/* Several -r files given without --merge that follow one another in time (each starts after the
 * previous one ends): maybe a rotated ring, which --merge reads as one capture. */
static void hint_merge(const struct pass *passes, int n)
{
	int order[REPORT_MAX_SECTIONS];
	for (int i = 0; i < n; i++) {
		if (!passes[i].pk.seen)
			return;
		order[i] = i;
	}
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && passes[order[j]].pk.first < passes[order[j - 1]].pk.first; j--) {
			int t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (int i = 1; i < n; i++)
		if (passes[order[i]].pk.first < passes[order[i - 1]].pk.last)
			return;
	fprintf(stderr, "synack: report: the files follow one another in time, one section each; if they are "
			"pieces of one capture (a -C/-G ring), --merge reads them as one\n");
}

int report_cli(int argc, char **argv)
{
	int graph = strcmp(argv[0], "graph") == 0;
	int nf = 0, nexpr = 0, kind = GRAPH_TSG, merge = 0;
	const char *outpath = NULL, *vlist = NULL;
	unsigned long long connno = 0;
	char **vnames = NULL;
	int nvnames = 0;
	char **expr = calloc((size_t)argc + 1, sizeof *expr);
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	if (!expr || !files) {
		fprintf(stderr, "synack: out of memory\n");
		free(expr);
		free(files);
		return 2;
	}
	int i = 1;
	if (graph) {
		if (argc < 2 || (kind = graph_kind_from_name(argv[1])) < 0) {
			fprintf(stderr, "synack: graph: expected tsg, throughput, rtt, inflight or ladder%s%s\n", argc > 1 ? ", not " : "",
				argc > 1 ? argv[1] : "");
			usage(stderr);
			free(expr);
			free(files);
			return 2;
		}
		i = 2;
	}
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			free(expr);
			free(files);
			return 0;
		} else if (!strcmp(a, "-r") && i + 1 < argc) {
			files[nf++] = argv[++i];
		} else if (!strcmp(a, "-V") && i + 1 < argc) {
			vlist = argv[++i];
		} else if (!strcmp(a, "--merge")) {
			merge = 1;
		} else if (!strcmp(a, "-o") && i + 1 < argc) {
			outpath = argv[++i];
		} else if (graph && !strcmp(a, "--conn") && i + 1 < argc) {
			char *e;
			errno = 0;
			connno = strtoull(argv[++i], &e, 10);
			if (errno || *e || connno == 0 || argv[i][0] == '-') {
				fprintf(stderr, "synack: graph: bad connection number '%s' (1, 2, ... as synack conns lists them)\n", argv[i]);
				free(expr);
				free(files);
				return 2;
			}
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "synack: %s: unknown option '%s'\n", argv[0], a);
			usage(stderr);
			free(expr);
			free(files);
			return 2;
		} else {
			expr[nexpr++] = argv[i];
		}
	}
	const char *bad = NULL;
	char verr[ERRBUF];
	if (vlist && nf)
		bad = "-V and -r are mutually exclusive";
	else if (vlist && capture_file_list(vlist, &vnames, &nvnames, verr) < 0)
		bad = verr;
	else if (!vlist && !nf)
		bad = "-r file is required";
	else if (graph && !connno)
		bad = "--conn N is required";
	else if (!merge && !vlist && nf > (graph ? 1 : REPORT_MAX_SECTIONS))
		bad = graph ? "one -r file, or several with --merge" : "too many -r files (at most 8 sections; --merge reads them as one capture)";
	if (bad) {
		fprintf(stderr, "synack: %s: %s\n", argv[0], bad);
		if (bad != verr)
			usage(stderr);
		free(expr);
		free(files);
		return 2;
	}
	if (vlist) { /* a list is one capture, as tcpdump's -V reads its files as one stream */
		free(files);
		files = (const char **)vnames;
		nf = nvnames;
		merge = 1;
	}
	char *filter = nexpr ? join(expr, nexpr) : NULL;
	free(expr);
	char err[ERRBUF] = "";
	static struct pass passes[REPORT_MAX_SECTIONS];
	static struct cmp_result cr;
	int status = 0, pair = 0;
	int npass = merge ? 1 : nf;
	/* the output first: a typo in -o should not cost a pass over a big capture */
	int fd = open_output(outpath);
	if (fd < 0) {
		fprintf(stderr, "synack: cannot open '%s': %s\n", outpath, strerror(errno));
		npass = 0;
		status = 2;
		goto done;
	}
	if (!graph && !merge && nf == 2 && strcmp(files[0], "-") && strcmp(files[1], "-")) {
		/* two vantage points of the same traffic, or two pieces of one capture? */
		char cerr[512];
		if (compare_files(files[0], files[1], filter, &cr, cerr, sizeof cerr) == 0 && compare_same_traffic(&cr)) {
			pair = 1;
			passes[cr.client_cap].role = "client";
			passes[!cr.client_cap].role = "server";
		}
	}
	for (int k = 0; k < npass; k++) {
		if (pass_run(&passes[k], files + k, merge ? nf : 1, filter, graph ? connno : 0, !graph, err) < 0) {
			fprintf(stderr, "synack: %s\n", err);
			status = 2;
			goto done;
		}
		if (passes[k].failed)
			status = 2;
	}
	if (!graph && !pair && npass > 1)
		hint_merge(passes, npass);
	struct out *o = malloc(sizeof *o);
	if (!o) {
		fprintf(stderr, "synack: out of memory\n");
		status = 2;
		goto done;
	}
	out_init(o, fd);
	if (graph) {
		const struct series_conn *c = series_find(passes[0].series, connno);
		if (!c || !c->has_series) {
			fprintf(stderr, "synack: graph: no connection %llu in %s (it has %zu; see synack conns)\n", connno, passes[0].file,
				series_count(passes[0].series));
			status = 2;
		} else {
			svg_graph(o, c, (enum graph_kind)kind, 1);
		}
	} else {
		char nonce[32];
		nonce_make(nonce, sizeof nonce);
		page_begin(o, nonce, passes, npass);
		if (pair) {
			int f = section_paths(o, &cr, cr.client_cap, err);
			if (f < 0) {
				fprintf(stderr, "synack: %s\n", err);
				status = 2;
			} else if (f > 0 && status == 0) {
				status = 1;
			}
		}
		for (int k = 0; k < npass; k++) {
			section(o, &passes[k], k, npass);
			if (passes[k].found && status == 0)
				status = 1;
		}
		page_end(o, nonce);
	}
	out_flush(o);
	int werr = o->err;
	if (fd != 1 && close(fd) < 0 && !werr)
		werr = errno;
	if (werr) {
		fprintf(stderr, "synack: write error on '%s': %s\n", outpath ? outpath : "-", strerror(werr));
		status = 2;
	}
	free(o);
	/* a half-written file goes; a report of a capture that could not be read to its end
	 * (status 2 from the read, the error said above) stays, like diagnose's output */
	if ((werr || (graph && status == 2)) && fd != 1 && outpath)
		unlink(outpath);
	fd = -1;
done:
	if (fd >= 0 && fd != 1) {
		close(fd);
		if (outpath)
			unlink(outpath);
	}
	for (int k = 0; k < npass; k++)
		pass_free(&passes[k]);
	for (int k = 0; k < nvnames; k++)
		free(vnames[k]);
	free(files);
	free(filter);
	return status;
}
