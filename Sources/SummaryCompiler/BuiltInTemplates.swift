// The shipped templates, compiled in so that an imrf binary copied away from
// the repository still renders. Kept identical to Templates/*.mustache by
// SummaryTests.builtInTemplatesMatchTheFiles; update both together.
enum BuiltInTemplates {
    static let all: [String: String] = [
        "summary.html": html,
        "summary.md": markdown,
    ]

    static let html = ##"""
<!DOCTYPE html>
<html lang="{{language}}" dir="{{dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}: summary of the President of the General Assembly</title>
<style>
body { font-family: "Times New Roman", Times, serif; max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #000; }
header { text-align: center; border-bottom: 1px solid #000; margin-bottom: 2em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; } h3 { font-size: 1.1em; }
.meta { color: #333; font-style: italic; }
.note[dir="rtl"] { text-align: right; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #666; padding: 0.25em 0.5em; text-align: start; vertical-align: top; }
blockquote { margin-inline-start: 1.5em; border-inline-start: 3px solid #999; padding-inline-start: 1em; }
.footnotes { font-size: 0.9em; border-top: 1px solid #000; margin-top: 2em; }
@media print {
  @page { size: A4; margin: 2.5cm 2cm; }
  body { max-width: none; margin: 0; font-size: 11pt; }
  h2 { page-break-after: avoid; } section { page-break-inside: auto; } .annex { page-break-before: always; }
  a { color: #000; text-decoration: none; }
}
</style>
</head>
<body>
<header>
<p>International Migration Review Forum {{edition}}</p>
<h1>{{title}}</h1>
<p>{{place}}, {{dates}}</p>
<p><strong>Summary of the President of the General Assembly</strong></p>
</header>
<main>
{{#sections}}
<section id="{{id}}">
<h2>{{heading}}</h2>
<p class="meta">{{date}}{{#hasFacilitator}}. Facilitated by {{facilitator}}{{/hasFacilitator}}</p>
{{#hasCoChairs}}<p class="meta">Co-chairs: {{coChairs}}</p>{{/hasCoChairs}}
{{#hasKeynote}}<p class="meta">Keynote: {{keynote}}</p>{{/hasKeynote}}
{{#hasObjectives}}
<p>Objectives of the Global Compact discussed:</p>
<ul class="objectives">
{{#objectives}}
<li>Objective {{number}}: {{title}}</li>
{{/objectives}}
</ul>
{{/hasObjectives}}
{{#notes}}
<div class="note" lang="{{language}}" dir="{{dir}}">
{{#title}}<h3>{{title}}</h3>{{/title}}
{{#author}}<p class="meta">{{author}}{{#role}} ({{role}}){{/role}}</p>{{/author}}
{{{body}}}
</div>
{{/notes}}
{{^hasNotes}}<p class="meta">No note was received for this session.</p>{{/hasNotes}}
</section>
{{/sections}}
<section class="annex" id="annex">
<h2>Annex: objectives of the Global Compact</h2>
<table>
<thead><tr><th>No.</th><th>Objective</th><th>Short title</th><th>Round table</th></tr></thead>
<tbody>
{{#annex}}
<tr><td>{{number}}</td><td>{{title}}</td><td>{{shortTitle}}</td><td>{{roundTable}}</td></tr>
{{/annex}}
</tbody>
</table>
</section>
{{#hasFootnotes}}
<section class="footnotes">
<ol>
{{#footnotes}}
<li id="fn{{number}}" value="{{number}}">{{{body}}} <a href="#fnref{{number}}">&#8617;</a></li>
{{/footnotes}}
</ol>
</section>
{{/hasFootnotes}}
</main>
</body>
</html>

"""##

    static let markdown = ##"""
{{% CONTENT_TYPE: TEXT}}
# {{title}}

International Migration Review Forum {{edition}}, {{place}}, {{dates}}

**Summary of the President of the General Assembly**
{{#sections}}

## {{heading}}

*{{date}}{{#hasFacilitator}}. Facilitated by {{facilitator}}{{/hasFacilitator}}*
{{#hasCoChairs}}

Co-chairs: {{coChairs}}
{{/hasCoChairs}}
{{#hasKeynote}}

Keynote: {{keynote}}
{{/hasKeynote}}
{{#hasObjectives}}

Objectives of the Global Compact discussed:

{{/hasObjectives}}
{{#objectives}}
- Objective {{number}}: {{title}}
{{/objectives}}
{{#notes}}

{{#title}}
### {{title}}

{{/title}}
{{#author}}
*{{author}}{{#role}} ({{role}}){{/role}}*

{{/author}}
{{{body}}}
{{/notes}}
{{^hasNotes}}

*No note was received for this session.*
{{/hasNotes}}
{{/sections}}

## Annex: objectives of the Global Compact

| No. | Objective | Short title | Round table |
|---|---|---|---|
{{#annex}}
| {{number}} | {{title}} | {{shortTitle}} | {{roundTable}} |
{{/annex}}
{{#hasFootnotes}}

{{#footnotes}}
[^{{number}}]: {{{markdownBody}}}
{{/footnotes}}
{{/hasFootnotes}}

"""##
}
