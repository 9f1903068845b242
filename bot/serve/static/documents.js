// The page's document changes (upload, delete) go through the keyed API, exactly as a script would call it:
// the admin key typed here is sent as a bearer key with each request and checked before any file is read.
// `element` is the HTML component this runs in (Gradio's js_on_load).
const api = new URL("api/v1/", document.baseURI);
const $ = (selector) => element.querySelector(selector);
const status = $("#documents-status");
const say = (text) => { status.textContent = text; };
const keyHeader = () => {
  const key = ($("#admin-key") || {}).value || "";
  return key.trim() ? { Authorization: "Bearer " + key.trim() } : {};
};
const refresh = () => { const button = document.querySelector("#refresh-documents"); if (button) button.click(); };
const byStatus = {
  401: "管理密钥无效。", 403: "需要管理密钥（BOT_ADMIN_KEYS）。", 408: "上传超时，请重试。",
  413: "文件太大，超过了上传上限。", 429: "操作太频繁，请稍后再试。", 503: "服务暂时不可用，请稍后再试。",
};
const byCode = {
  bad_file: "文件名或类型不受支持（支持 .txt .md .html .pdf .docx）。", no_files: "请先选择文件。",
  too_many_files: "一次最多上传 20 个文件。", not_found: "没有这个报告。",
};

async function failure(response) {
  let code = "";
  try { code = (await response.json()).error.code; } catch (e) { /* not our JSON */ }
  return "⚠ " + (byCode[code] || byStatus[response.status] || "操作失败（" + response.status + "）。");
}

function summary(job) {
  const result = job.result || {};
  const done = [...(result.added || []), ...(result.updated || []), ...(result.unchanged || [])];
  const lines = done.length ? ["已索引：" + done.join("、") + "（新写入 " + (result.chunks_written || 0) + " 个段落）"] : [];
  for (const error of job.errors || []) lines.push("⚠ " + (error.file || "") + " 未能索引：" + error.reason);
  return lines.join("\n") || "没有索引任何文件。";
}

async function send(url, options) {
  try { return await fetch(url, options); } catch (e) { say("⚠ 无法连接服务器，请稍后再试。"); return null; }
}

$("#upload-button").addEventListener("click", async () => {
  const input = $("#upload input[type=file]");
  if (!input.files.length) { say("请先选择文件。"); return; }
  const form = new FormData();
  for (const file of input.files) form.append("files", file);
  say("正在上传…");
  const accepted = await send(new URL("documents", api), { method: "POST", headers: keyHeader(), body: form });
  if (!accepted) return;
  if (accepted.status !== 202) { say(await failure(accepted)); return; }
  let job = (await accepted.json()).job;
  while (job.status === "queued" || job.status === "running") {
    say("正在索引 " + job.done + "/" + job.total + "…（可以照常提问）");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const poll = await send(new URL("jobs/" + job.id, api), { headers: keyHeader() });
    if (!poll) return;
    if (!poll.ok) { say(await failure(poll)); return; }
    job = await poll.json();
  }
  say(summary(job));
  input.value = "";
  refresh();
});

$("#remove").addEventListener("click", async () => {
  const chosen = document.querySelector("#remove-doc input");
  const label = chosen ? chosen.value.trim() : "";
  if (!label) { say("请先选择要删除的报告。"); return; }
  const id = label.match(/（([^（）]+)）$/);  // the list shows 标题（编号）; the API takes the id
  const name = id ? id[1] : label;
  if (!window.confirm("确定删除报告「" + label + "」吗？删除后问答中不再引用它。")) { say("已取消删除。"); return; }
  const response = await send(new URL("documents/" + encodeURIComponent(name), api), {
    method: "DELETE", headers: keyHeader(),
  });
  if (!response) return;
  if (!response.ok) { say(await failure(response)); return; }
  const body = await response.json();
  say(body.removed ? "已删除 " + name : "删除 " + name + " 已排队，稍后刷新列表查看。");
  refresh();
});
