/// The style sheet of the HTML report: one inline `<style>`, no fonts, images or anything else fetched.
///
/// System fonts, GitHub-like colours (green `#1a7f37`, red `#cf222e`, amber `#9a6700`, grey) on a light page, and a
/// dark variant through `prefers-color-scheme`. Failed tests are red, errored tests (which could not run) amber,
/// skipped tests grey.
enum HTMLReportStyle {
    static let css = """
        :root {
          color-scheme: light dark;
          --bg: #f6f8fa; --card: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --soft: #f6f8fa;
          --ok: #1a7f37; --fail: #cf222e; --err: #9a6700; --skip: #818b98;
          --ok-bg: #dafbe1; --fail-bg: #ffebe9; --err-bg: #fff8c5; --skip-bg: #eff2f5; --link: #0969da;
          --sans: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
          --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0d1117; --card: #151b23; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --soft: #0d1117;
            --ok: #3fb950; --fail: #f85149; --err: #d29922; --skip: #9198a1; --link: #4493f8;
            --ok-bg: rgba(46, 160, 67, .15); --fail-bg: rgba(248, 81, 73, .15); --err-bg: rgba(187, 128, 9, .15);
            --skip-bg: rgba(145, 152, 161, .15);
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 var(--sans); }
        .page { max-width: 1200px; margin: 0 auto; padding: 32px 24px 48px; }
        a { color: inherit; text-decoration: none; }
        a:hover { color: var(--link); text-decoration: underline; }
        code, pre, .mono { font-family: var(--mono); font-size: 12px; }
        h1 { margin: 0; font-size: 22px; font-weight: 600; letter-spacing: -.01em; }
        h2 { display: flex; align-items: center; gap: 8px; margin: 32px 0 12px; font-size: 16px; font-weight: 600; }
        h3 { margin: 16px 0 8px; font-size: 13px; font-weight: 600; color: var(--muted); }
        .count { padding: 0 8px; border-radius: 999px; background: var(--skip-bg); color: var(--muted);
          font-size: 12px; line-height: 20px; }
        .muted { color: var(--muted); }
        .card { background: var(--card); border: 1px solid var(--border); border-radius: 8px; }
        .overview { padding: 20px 24px; }
        .headline { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
        .verdict { padding: 2px 10px; border-radius: 999px; color: #fff; font-size: 12px; font-weight: 600;
          letter-spacing: .04em; }
        .verdict.passed { background: var(--ok); color: #fff; }
        .verdict.failed { background: var(--fail); color: #fff; }
        .verdict.skipped { background: var(--skip); color: #fff; }
        .meta { margin: 4px 0 0; color: var(--muted); font-size: 13px; }
        .stats { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: 12px; margin: 20px 0 16px; }
        .stat { margin: 0; padding: 10px 14px; border: 1px solid var(--border); border-radius: 6px; }
        .stat dt { color: var(--muted); font-size: 12px; }
        .stat dd { margin: 0; font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .stat.passed dd { color: var(--ok); }
        .stat.failed dd { color: var(--fail); }
        .stat.errored dd { color: var(--err); }
        .stat.skipped dd, .stat.zero dd { color: var(--muted); }
        .bar { display: flex; gap: 2px; height: 8px; border-radius: 999px; overflow: hidden; background: var(--skip-bg); }
        .bar span { min-width: 4px; }
        .bar .passed { background: var(--ok); }
        .bar .failed { background: var(--fail); }
        .bar .errored { background: var(--err); }
        .bar .skipped { background: var(--skip); }
        .fold > summary { position: relative; padding: 12px 16px 12px 38px; list-style: none; cursor: pointer; }
        .fold > summary::-webkit-details-marker { display: none; }
        .fold > summary::before { content: ""; position: absolute; left: 17px; top: 19px; width: 6px; height: 6px;
          border-right: 2px solid var(--muted); border-bottom: 2px solid var(--muted); transform: rotate(-45deg); }
        .fold[open] > summary::before { top: 17px; transform: rotate(45deg); }
        .fold > summary:hover { background: var(--soft); }
        .ok { color: var(--ok); }
        .failed { color: var(--fail); }
        .errored { color: var(--err); }
        .skipped { color: var(--skip); }
        .icon { display: inline-block; width: 16px; font-weight: 700; text-align: center; }
        .problem { margin-bottom: 12px; border-left: 4px solid var(--fail); overflow: hidden; }
        .problem.is-errored { border-left-color: var(--err); }
        .problem > summary > span { display: block; }
        .ptitle { font-weight: 600; }
        .ptitle .sep { margin: 0 6px; color: var(--muted); font-weight: 400; }
        .kind { float: right; margin-left: 12px; padding: 0 8px; border-radius: 999px; background: var(--fail-bg);
          color: var(--fail); font-family: var(--mono); font-size: 11px; font-weight: 400; line-height: 20px; }
        .is-errored .kind { background: var(--err-bg); color: var(--err); }
        .loc { color: var(--muted); font-family: var(--mono); font-size: 12px; }
        .msg { margin-top: 6px; font-family: var(--mono); font-size: 13px; overflow-wrap: anywhere; }
        .pbody { padding: 0 16px 16px 38px; }
        pre { margin: 0; padding: 12px 14px; border: 1px solid var(--border); border-radius: 6px; background: var(--soft);
          line-height: 1.45; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
        .transcript { max-height: 520px; overflow: auto; }
        .sub { margin-top: 12px; border: 1px solid var(--border); border-radius: 6px; }
        .sub > summary { padding: 6px 12px 6px 34px; font-size: 13px; font-weight: 600; }
        .sub > summary::before { left: 14px; top: 13px; }
        .sub[open] > summary::before { top: 11px; }
        .sub > pre { border: 0; border-top: 1px solid var(--border); border-radius: 0 0 6px 6px; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 13px; }
        th { padding: 6px 12px; border-bottom: 1px solid var(--border); background: var(--soft); color: var(--muted);
          font-size: 12px; font-weight: 600; text-align: left; }
        td { padding: 7px 12px; border-top: 1px solid var(--border); vertical-align: top; overflow-wrap: anywhere; }
        tr:first-child td { border-top: 0; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .requests { border: 1px solid var(--border); border-radius: 6px; border-collapse: separate; border-spacing: 0;
          overflow: hidden; }
        .requests .url { font-family: var(--mono); font-size: 12px; }
        .requests .r-method { width: 84px; }
        .requests .r-status { width: 110px; }
        .requests .r-time { width: 100px; }
        .requests .r-attempt { width: 110px; }
        .requests .method { font-family: var(--mono); font-size: 12px; font-weight: 600; }
        .retry { margin-left: 6px; padding: 0 6px; border-radius: 999px; background: var(--err-bg); color: var(--err);
          font-size: 11px; }
        .suite { margin-bottom: 8px; overflow: hidden; }
        .suite > summary { display: flex; align-items: baseline; gap: 12px; padding-right: 12px; }
        .sname { font-weight: 600; }
        .sfile { min-width: 0; overflow: hidden; color: var(--muted); text-overflow: ellipsis; white-space: nowrap; }
        .tally { display: flex; gap: 12px; margin-left: auto; font-size: 12px; white-space: nowrap; }
        .sdur { width: 72px; color: var(--muted); font-size: 12px; }
        .suite > table { border-top: 1px solid var(--border); }
        .cases .c-icon { width: 40px; padding-left: 18px; }
        .cases .c-name { width: 36%; }
        .cases .c-dur { width: 96px; }
        .cases .line { color: var(--muted); font-family: var(--mono); font-size: 11px; }
        .cases .note { color: var(--muted); }
        .cases .is-failed .note { color: var(--fail); }
        .cases .is-errored .note { color: var(--err); }
        .cases .c-dur, .cases td.num { color: var(--muted); }
        .allgood { padding: 14px 18px; border-left: 4px solid var(--ok); color: var(--ok); font-weight: 600; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; text-align: center; }
        @media (max-width: 900px) { .stats { grid-template-columns: repeat(4, minmax(0, 1fr)); } }
        """
}
