<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>reviewer</name>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <source>The new interface language takes effect when reviewer starts again.</source>
      <translation>新的界面语言将在重新启动 reviewer 后生效。</translation>
    </message>
    <message>
      <source>Open major findings</source>
      <translation>有未处理的严重问题</translation>
    </message>
    <message>
      <source>Don't ask again</source>
      <translation>不再询问</translation>
    </message>
    <message>
      <source>Apply anyway</source>
      <translation>仍然应用</translation>
    </message>
    <message>
      <source>Replace the flagged text anyway? Check the sentence afterwards.</source>
      <translation>仍然替换标出的文字？替换后请检查整句。</translation>
    </message>
    <message>
      <source>Only a dismissed or fixed finding can be reopened; undo an accept instead.</source>
      <translation>只能重新打开已忽略或已手动修正的问题；已接受的建议请用撤销。</translation>
    </message>
    <message>
      <source>This finding is not about a term.</source>
      <translation>此问题与术语无关。</translation>
    </message>
    <message>
      <source>Cannot split segment</source>
      <translation>无法拆分句段</translation>
    </message>
    <message>
      <source>Open the segment's text (F2) and put the cursor where it should be split.</source>
      <translation>请打开句段文本（F2），并将光标放在要拆分的位置。</translation>
    </message>
    <message>
      <source>The segment is the MT already.</source>
      <translation>该句段已是机器译文。</translation>
    </message>
    <message>
      <source>Mark it {state} anyway?</source>
      <translation>仍要标记为“{state}”吗？</translation>
    </message>
    <message>
      <source>Cannot accept the suggestion</source>
      <translation>无法接受建议</translation>
    </message>
    <message>
      <source>suggestion(s) the tool could not place are left for you to place by hand.</source>
      <translation>条建议无法自动放入句中，留待您手动放置。</translation>
    </message>
    <message>
      <source>suggestion(s) no longer fit the text or overlap another; check again to renew them.</source>
      <translation>条建议已与文本不符或相互重叠；请重新检查以更新。</translation>
    </message>
    <message>
      <source>Nothing to accept.</source>
      <translation>没有可接受的建议。</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>已接受</translation>
    </message>
    <message>
      <source>Segment {seg} still has {n} open major finding(s):</source>
      <translation>句段 {seg} 仍有 {n} 个未处理的严重问题：</translation>
    </message>
    <message>
      <source>Import review workbook</source>
      <translation>导入审校工作簿</translation>
    </message>
    <message>
      <source>Export findings as CSV</source>
      <translation>将问题导出为 CSV</translation>
    </message>
    <message>
      <source>Nothing to import</source>
      <translation>没有可导入的内容</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>已导入</translation>
    </message>
    <message>
      <source>conflict(s) left alone</source>
      <translation>个冲突未处理</translation>
    </message>
    <message>
      <source>translated</source>
      <translation>已翻译</translation>
    </message>
    <message>
      <source>reviewed</source>
      <translation>已审校</translation>
    </message>
    <message>
      <source>final</source>
      <translation>定稿</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Term renderings</source>
      <translation>术语译法</translation>
    </message>
    <message>
      <source>Scores</source>
      <translation>评分</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>仪表板</translation>
    </message>
    <message>
      <source>Batch views</source>
      <translation>批量视图</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Stop opening the files</source>
      <translation>停止打开文件</translation>
    </message>
    <message>
      <source>Segment</source>
      <translation>句段</translation>
    </message>
    <message>
      <source>paste it over the selected text and fit it to the sentence</source>
      <translation>请粘贴替换选中的文字，并使其与句子相符</translation>
    </message>
    <message>
      <source>Open an article (File ▸ Open, or drop a file here)</source>
      <translation>打开一篇文章（文件 ▸ 打开，或将文件拖到此处）</translation>
    </message>
    <message>
      <source>paragraph</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>unit</source>
      <translation>单元</translation>
    </message>
    <message>
      <source>in the file</source>
      <translation>文件中</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>已复制</translation>
    </message>
    <message>
      <source>segments</source>
      <translation>个句段</translation>
    </message>
    <message>
      <source>Termbase</source>
      <translation>术语库</translation>
    </message>
    <message>
      <source>dismissed</source>
      <translation>已驳回</translation>
    </message>
    <message>
      <source>concepts</source>
      <translation>个概念</translation>
    </message>
    <message>
      <source>accepted</source>
      <translation>已接受</translation>
    </message>
    <message>
      <source>fixed</source>
      <translation>已修正</translation>
    </message>
    <message>
      <source>resolved</source>
      <translation>已处理</translation>
    </message>
    <message>
      <source>open</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Export Review Workbook…</source>
      <translation>导出审校工作簿(&amp;E)…</translation>
    </message>
    <message>
      <source>Show the &amp;MT Column</source>
      <translation>显示机器译文列(&amp;M)</translation>
    </message>
    <message>
      <source>Show &amp;Changes from the MT</source>
      <translation>显示相对机器译文的改动(&amp;C)</translation>
    </message>
    <message>
      <source>Show &amp;Whole Segments</source>
      <translation>显示完整句段(&amp;W)</translation>
    </message>
    <message>
      <source>Show &amp;Invisibles</source>
      <translation>显示不可见字符(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;New Project from Files…</source>
      <translation>从文件新建项目(&amp;N)…</translation>
    </message>
    <message>
      <source>Open &amp;Folder…</source>
      <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
      <source>Open MT with Chinese &amp;Source…</source>
      <translation>打开机器译文及中文原文(&amp;S)…</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Import Review Workbook…</source>
      <translation>导入审校工作簿(&amp;I)…</translation>
    </message>
    <message>
      <source>Export Findings as CS&amp;V…</source>
      <translation>将问题导出为 CSV(&amp;V)…</translation>
    </message>
    <message>
      <source>Save Project &amp;As…</source>
      <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Save Corrected As…</source>
      <translation>保存修改后的译文(&amp;S)…</translation>
    </message>
    <message>
      <source>Export &amp;Corrected Text…</source>
      <translation>导出修改后的文本(&amp;C)…</translation>
    </message>
    <message>
      <source>Reviewer &amp;Name…</source>
      <translation>审校人姓名(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>Se&amp;ttings…</source>
      <translation>设置(&amp;T)…</translation>
    </message>
    <message>
      <source>&amp;Find and Replace…</source>
      <translation>查找和替换(&amp;F)…</translation>
    </message>
    <message>
      <source>&amp;Merge with Next Segment</source>
      <translation>与下一句段合并(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Split Segment at Cursor</source>
      <translation>在光标处拆分句段(&amp;S)</translation>
    </message>
    <message>
      <source>Move Last Source Sentence to &amp;Next Segment</source>
      <translation>将最后一个原文句子移到下一句段(&amp;N)</translation>
    </message>
    <message>
      <source>Pull First Source Sentence from Ne&amp;xt Segment</source>
      <translation>从下一句段取回第一个原文句子(&amp;X)</translation>
    </message>
    <message>
      <source>&amp;Review</source>
      <translation>审校(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Confirm Segment and Go to Next</source>
      <translation>确认句段并转到下一句(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Accept Suggestion</source>
      <translation>接受建议(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Dismiss as False Positive</source>
      <translation>驳回为误报(&amp;D)</translation>
    </message>
    <message>
      <source>Dismiss with &amp;Note…</source>
      <translation>驳回并备注(&amp;N)…</translation>
    </message>
    <message>
      <source>Mark Finding Fi&amp;xed by Hand</source>
      <translation>标记问题已手动修正(&amp;X)</translation>
    </message>
    <message>
      <source>Re&amp;open Finding</source>
      <translation>重新打开问题(&amp;O)</translation>
    </message>
    <message>
      <source>Add &amp;Error on Selection…</source>
      <translation>为所选文字添加错误(&amp;E)…</translation>
    </message>
    <message>
      <source>Accept All of This Chec&amp;k</source>
      <translation>接受此检查的全部建议(&amp;K)</translation>
    </message>
    <message>
      <source>Accept All of This Conce&amp;pt</source>
      <translation>接受此概念的全部建议(&amp;P)</translation>
    </message>
    <message>
      <source>Dismiss All of This &amp;Check</source>
      <translation>驳回此检查的全部问题(&amp;C)</translation>
    </message>
    <message>
      <source>Dismiss All of This C&amp;oncept</source>
      <translation>驳回此概念的全部问题(&amp;O)</translation>
    </message>
    <message>
      <source>E&amp;xport False Positives…</source>
      <translation>导出误报规则(&amp;X)…</translation>
    </message>
    <message>
      <source>&amp;Import False Positives…</source>
      <translation>导入误报规则(&amp;I)…</translation>
    </message>
    <message>
      <source>Mark &amp;Final</source>
      <translation>标为定稿(&amp;F)</translation>
    </message>
    <message>
      <source>Mark &amp;Translated (Not Reviewed)</source>
      <translation>标为已翻译（未审校）(&amp;T)</translation>
    </message>
    <message>
      <source>Segment &amp;Comment…</source>
      <translation>句段批注(&amp;C)…</translation>
    </message>
    <message>
      <source>Next &amp;Unreviewed Segment</source>
      <translation>下一个未审校句段(&amp;U)</translation>
    </message>
    <message>
      <source>Ne&amp;xt Segment</source>
      <translation>下一句段(&amp;X)</translation>
    </message>
    <message>
      <source>Previous Se&amp;gment</source>
      <translation>上一句段(&amp;G)</translation>
    </message>
    <message>
      <source>Copy MT to &amp;Target</source>
      <translation>将机器译文复制到译文(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Next Finding</source>
      <translation>下一个问题(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Previous Finding</source>
      <translation>上一个问题(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Check Again</source>
      <translation>重新检查(&amp;C)</translation>
    </message>
    <message>
      <source>C&amp;hecks…</source>
      <translation>检查项(&amp;H)…</translation>
    </message>
    <message>
      <source>&amp;Termbase</source>
      <translation>术语库(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Edit Termbase…</source>
      <translation>编辑术语库(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Add Flagged Rendering to Termbase…</source>
      <translation>将标记的译法加入术语库(&amp;A)…</translation>
    </message>
    <message>
      <source>Add &amp;Project Termbase…</source>
      <translation>添加项目术语库(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Candidate Terms…</source>
      <translation>候选术语(&amp;C)…</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Batch Views (Findings, Renderings, Scores)</source>
      <translation>批量视图（问题、译法、评分）(&amp;B)</translation>
    </message>
    <message>
      <source>Edit the Segment's &amp;Text</source>
      <translation>编辑句段文本(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts…</source>
      <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
      <source>&amp;About reviewer</source>
      <translation>关于 reviewer(&amp;A)</translation>
    </message>
    <message>
      <source>Candidate term</source>
      <translation>候选术语</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>次数</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>文档数</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Segments</source>
      <translation>句段</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Preferred term</source>
      <translation>首选术语</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>领域</translation>
    </message>
    <message>
      <source>Terms</source>
      <translation>术语</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>术语</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Usage note</source>
      <translation>用法说明</translation>
    </message>
    <message>
      <source>Case-sensitive</source>
      <translation>区分大小写</translation>
    </message>
    <message>
      <source>Match</source>
      <translation>匹配</translation>
    </message>
    <message>
      <source>Threshold</source>
      <translation>阈值</translation>
    </message>
    <message>
      <source>Valid from</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <source>Valid to</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Seg.</source>
      <translation>句段</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>决定</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>检查项</translation>
    </message>
    <message>
      <source>Flagged text</source>
      <translation>标记文本</translation>
    </message>
    <message>
      <source>Suggestion</source>
      <translation>建议</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>not in the translation</source>
      <translation>译文中没有</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>原文</translation>
    </message>
    <message>
      <source>MT</source>
      <translation>机器译文</translation>
    </message>
    <message>
      <source>Corrected</source>
      <translation>修改后</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Found in text</source>
      <translation>文中出现</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Open an article first</source>
      <translation>请先打开一篇文章</translation>
    </message>
    <message>
      <source>New concept</source>
      <translation>新概念</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Import Glossary…</source>
      <translation>导入词汇表(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Validate</source>
      <translation>校验(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>关闭(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;New Concept…</source>
      <translation>新建概念(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Delete Concept</source>
      <translation>删除概念(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Merge Another Concept Into This…</source>
      <translation>将另一概念并入此概念(&amp;M)…</translation>
    </message>
    <message>
      <source>Add &amp;Term…</source>
      <translation>添加术语(&amp;T)…</translation>
    </message>
    <message>
      <source>Accept All</source>
      <translation>全部接受</translation>
    </message>
    <message>
      <source>Untick All</source>
      <translation>全部取消勾选</translation>
    </message>
    <message>
      <source>Tick All</source>
      <translation>全部勾选</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <source>The segment after the change</source>
      <translation>修改后的句段</translation>
    </message>
    <message>
      <source>to apply</source>
      <translation>条待应用</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>接受</translation>
    </message>
    <message>
      <source>Candidate terms</source>
      <translation>候选术语</translation>
    </message>
    <message>
      <source>Frequent phrases that no concept of the termbase covers, best first. Double-click one to see where it occurs.</source>
      <translation>术语库中尚无概念涵盖的高频短语，按得分排序。双击查看出现位置。</translation>
    </message>
    <message>
      <source>Find Again</source>
      <translation>重新查找</translation>
    </message>
    <message>
      <source>Go To</source>
      <translation>转到</translation>
    </message>
    <message>
      <source>New Concept…</source>
      <translation>新建概念…</translation>
    </message>
    <message>
      <source>Looking for candidate terms…</source>
      <translation>正在查找候选术语…</translation>
    </message>
    <message>
      <source>at least</source>
      <translation>至少</translation>
    </message>
    <message>
      <source>times</source>
      <translation>次</translation>
    </message>
    <message>
      <source>candidate terms</source>
      <translation>个候选术语</translation>
    </message>
    <message>
      <source>Checks</source>
      <translation>检查项</translation>
    </message>
    <message>
      <source>Decide for each document from its signs</source>
      <translation>按每篇文档的迹象判断</translation>
    </message>
    <message>
      <source>Always: Chinese government and Party affairs</source>
      <translation>始终是：中国政务和党务</translation>
    </message>
    <message>
      <source>Never: about something else</source>
      <translation>从不：内容与此无关</translation>
    </message>
    <message>
      <source>Text about Chinese public affairs (literal renderings, calques, ordinary-English variants):</source>
      <translation>文本是否涉及中国政务（直译、仿译、普通英语变体）：</translation>
    </message>
    <message>
      <source>What it finds</source>
      <translation>检查内容</translation>
    </message>
    <message>
      <source>Open findings by check</source>
      <translation>按检查项统计的待处理问题</translation>
    </message>
    <message>
      <source>Concepts with the most term findings</source>
      <translation>术语问题最多的概念</translation>
    </message>
    <message>
      <source>Post-edited segments by HTER</source>
      <translation>按 HTER 统计的译后编辑句段</translation>
    </message>
    <message>
      <source>Term accuracy of the MT by document</source>
      <translation>各文档机器译文的术语准确率</translation>
    </message>
    <message>
      <source>The charts appear once the article is checked.</source>
      <translation>文章检查完成后显示图表。</translation>
    </message>
    <message>
      <source>Add error</source>
      <translation>添加错误</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>(the whole segment)</source>
      <translation>（整个句段）</translation>
    </message>
    <message>
      <source>Find and replace</source>
      <translation>查找和替换</translation>
    </message>
    <message>
      <source>Text or regular expression</source>
      <translation>文本或正则表达式</translation>
    </message>
    <message>
      <source>Regular expression</source>
      <translation>正则表达式</translation>
    </message>
    <message>
      <source>Match case</source>
      <translation>区分大小写</translation>
    </message>
    <message>
      <source>Whole words</source>
      <translation>全词匹配</translation>
    </message>
    <message>
      <source>&amp;Find All</source>
      <translation>全部查找(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Preview Replacements</source>
      <translation>预览替换(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Replace All</source>
      <translation>全部替换(&amp;R)</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>查找</translation>
    </message>
    <message>
      <source>Replace with</source>
      <translation>替换为</translation>
    </message>
    <message>
      <source>In</source>
      <translation>范围</translation>
    </message>
    <message>
      <source>All checks</source>
      <translation>全部检查项</translation>
    </message>
    <message>
      <source>All decisions</source>
      <translation>全部决定</translation>
    </message>
    <message>
      <source>All severities</source>
      <translation>全部严重程度</translation>
    </message>
    <message>
      <source>All states</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>All concepts</source>
      <translation>全部概念</translation>
    </message>
    <message>
      <source>All findings</source>
      <translation>全部问题</translation>
    </message>
    <message>
      <source>Nothing is applied until you press Apply; Edit ▸ Undo takes the whole import back.</source>
      <translation>按“应用”之前不会做任何更改；编辑 ▸ 撤销可撤回整个导入。</translation>
    </message>
    <message>
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>之前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>之后</translation>
    </message>
    <message>
      <source>Decisions</source>
      <translation>决定</translation>
    </message>
    <message>
      <source>Conflicts, left alone</source>
      <translation>冲突（未处理）</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>change(s) to apply</source>
      <translation>处改动将被应用</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>工作表</translation>
    </message>
    <message>
      <source>Header row</source>
      <translation>标题行</translation>
    </message>
    <message>
      <source>Concept / rendering</source>
      <translation>概念 / 译法</translation>
    </message>
    <message>
      <source>Use</source>
      <translation>使用</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>Words</source>
      <translation>词数</translation>
    </message>
    <message>
      <source>Edited</source>
      <translation>已修改</translation>
    </message>
    <message>
      <source>HTER</source>
      <translation>HTER</translation>
    </message>
    <message>
      <source>BLEU</source>
      <translation>BLEU</translation>
    </message>
    <message>
      <source>chrF</source>
      <translation>chrF</translation>
    </message>
    <message>
      <source>Ref. TER</source>
      <translation>参考 TER</translation>
    </message>
    <message>
      <source>Ref. BLEU</source>
      <translation>参考 BLEU</translation>
    </message>
    <message>
      <source>Ref. chrF</source>
      <translation>参考 chrF</translation>
    </message>
    <message>
      <source>Open an article to see its scores.</source>
      <translation>打开一篇文章即可查看评分。</translation>
    </message>
    <message>
      <source>Computing the scores…</source>
      <translation>正在计算分数…</translation>
    </message>
    <message>
      <source>MQM scorecard</source>
      <translation>MQM 评分卡</translation>
    </message>
    <message>
      <source>pass at most</source>
      <translation>合格上限</translation>
    </message>
    <message>
      <source>points per 1,000 words</source>
      <translation>分/千词</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>扣分</translation>
    </message>
    <message>
      <source>No segment</source>
      <translation>无句段</translation>
    </message>
    <message>
      <source>&amp;Accept suggestion</source>
      <translation>接受建议(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Copy term</source>
      <translation>复制术语(&amp;C)</translation>
    </message>
    <message>
      <source>Put the term on the clipboard and select the flagged text, to place the term by hand</source>
      <translation>将术语复制到剪贴板并选中标出的文字，以便手动放置术语</translation>
    </message>
    <message>
      <source>Apply an&amp;yway…</source>
      <translation>仍然应用(&amp;Y)…</translation>
    </message>
    <message>
      <source>&amp;Dismiss (false positive)</source>
      <translation>驳回（误报）(&amp;D)</translation>
    </message>
    <message>
      <source>Accepting gives:</source>
      <translation>接受后：</translation>
    </message>
    <message>
      <source>No suggestion: edit the text by hand.</source>
      <translation>没有建议：请手动编辑文本。</translation>
    </message>
    <message>
      <source>No findings in this segment.</source>
      <translation>本句段没有问题。</translation>
    </message>
    <message>
      <source>Decided:</source>
      <translation>已处理：</translation>
    </message>
    <message>
      <source>Copy term puts it on the clipboard.</source>
      <translation>“复制术语”会将其放到剪贴板。</translation>
    </message>
    <message>
      <source>Place the term by hand:</source>
      <translation>请手动放置术语：</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>system default</source>
      <translation>系统默认</translation>
    </message>
    <message>
      <source>Interface language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <source>Font size</source>
      <translation>字号</translation>
    </message>
    <message>
      <source>General</source>
      <translation>常规</translation>
    </message>
    <message>
      <source>Matching</source>
      <translation>匹配</translation>
    </message>
    <message>
      <source>Pass at most (points per 1,000 words)</source>
      <translation>合格上限（每千词扣分）</translation>
    </message>
    <message>
      <source>source words</source>
      <translation>原文词数</translation>
    </message>
    <message>
      <source>target words</source>
      <translation>译文词数</translation>
    </message>
    <message>
      <source>Scorecard</source>
      <translation>评分卡</translation>
    </message>
    <message>
      <source>Termbases</source>
      <translation>术语库</translation>
    </message>
    <message>
      <source>Add termbase</source>
      <translation>添加术语库</translation>
    </message>
    <message>
      <source>A new language takes effect when reviewer starts again.</source>
      <translation>新的语言将在重新启动 reviewer 后生效。</translation>
    </message>
    <message>
      <source>Near misses: the lowest similarity (0-100) at which a span close to a term is reported. A term's own threshold in the termbase wins.</source>
      <translation>近似匹配：报告与术语相近文字的最低相似度（0-100）。术语库中单个术语自己的阈值优先。</translation>
    </message>
    <message>
      <source>MQM scorecard: accepted and fixed findings and errors entered by hand count, weighed by severity.</source>
      <translation>MQM 评分卡：计入已接受和已修正的问题以及手动添加的错误，按严重程度加权。</translation>
    </message>
    <message>
      <source>Up</source>
      <translation>上移</translation>
    </message>
    <message>
      <source>Down</source>
      <translation>下移</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>添加…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>The first termbase wins where two define the same term.</source>
      <translation>两个术语库定义同一术语时，以排在前面的为准。</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Reset All</source>
      <translation>全部恢复默认</translation>
    </message>
    <message>
      <source>Command</source>
      <translation>命令</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <source>Click a shortcut and press the new keys.</source>
      <translation>点击快捷键，然后按下新的按键。</translation>
    </message>
    <message>
      <source>The same key is bound twice:</source>
      <translation>同一按键被绑定了两次：</translation>
    </message>
    <message>
      <source>preferred</source>
      <translation>首选</translation>
    </message>
    <message>
      <source>admitted</source>
      <translation>可接受</translation>
    </message>
    <message>
      <source>deprecated</source>
      <translation>不推荐</translation>
    </message>
    <message>
      <source>superseded</source>
      <translation>已被取代</translation>
    </message>
    <message>
      <source>forbidden</source>
      <translation>禁用</translation>
    </message>
    <message>
      <source>It is now {old}: texts that use it will no longer be flagged.</source>
      <translation>它目前为“{old}”：使用它的文本将不再被标记。</translation>
    </message>
    <message>
      <source>Change term status</source>
      <translation>更改术语状态</translation>
    </message>
    <message>
      <source>Make “{term}” the preferred rendering of {source} (instead of “{preferred}”, which becomes admitted)?</source>
      <translation>将“{term}”设为{source}的首选译法（取代“{preferred}”，后者改为可接受译法）？</translation>
    </message>
    <message>
      <source>Make “{term}” the preferred rendering of {source}?</source>
      <translation>将“{term}”设为{source}的首选译法？</translation>
    </message>
    <message>
      <source>Make “{term}” an admitted rendering of {source} (preferred “{preferred}”)?</source>
      <translation>将“{term}”设为{source}的可接受译法（首选译法为“{preferred}”）？</translation>
    </message>
    <message>
      <source>Make “{term}” an admitted rendering of {source}?</source>
      <translation>将“{term}”设为{source}的可接受译法？</translation>
    </message>
    <message>
      <source>Corrected text</source>
      <translation>修改后的文本</translation>
    </message>
    <message>
      <source>Termbase hits in this segment</source>
      <translation>本句段命中的术语</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts</source>
      <translation type="vanished">键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>Changes from the MT</source>
      <translation type="vanished">相对机器译文的改动</translation>
    </message>
    <message>
      <source>Corrected (post-edit)</source>
      <translation type="vanished">修改后（译后编辑）</translation>
    </message>
    <message>
      <source>Findings in this segment</source>
      <translation type="vanished">本句段的问题</translation>
    </message>
    <message>
      <source>Mark &amp;Reviewed and Go to Next</source>
      <translation type="vanished">标为已审校并转到下一句(&amp;R)</translation>
    </message>
    <message>
      <source>No changes</source>
      <translation type="vanished">无改动</translation>
    </message>
    <message>
      <source>Source (Chinese)</source>
      <translation type="vanished">原文（中文）</translation>
    </message>
  </context>
</TS>
