"""Standard texts and service guides for the fuwu catalogue generator.

S0001 is the real DB4403/T 236—2022 (front matter + recorded headings only). All other texts are
sample texts built from templates filled with each item's fields; their codes start with 样例.
"""
import datetime

MAX_BYTES = 3990  # sample texts are kept between 1.5 KB and 4 KB

SAMPLE_NOTICE = "本文本是fuwu项目生成器为演示清单结构而生成的样例文本，不是官方标准或正式文件，不得作为办事或执法依据。"

GBT = "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。"

# per-item templates: key, kind, title suffix
ITEM_TEMPLATES = [
    ("guide", "guide", "服务指南"),
    ("spec", "standard", "服务规范"),
    ("eval", "standard", "服务质量评价规范"),
    ("howto", "guide", "办事指引"),
    ("facility", "standard", "服务设施配置要求"),
    ("staff", "standard", "服务人员能力要求"),
    ("info", "guide", "服务信息公开指引"),
]

SCOPE = {
    "guide": "服务对象、服务内容、办理条件、服务流程以及服务评价与改进",
    "howto": "办理条件、申请材料、办理流程、办理时限和咨询监督渠道",
    "info": "信息公开的内容、方式、时限和服务流程",
    "spec": "基本要求、服务内容、服务质量控制以及服务评价与改进",
    "eval": "评价原则、评价内容与方法、评价组织实施和结果运用",
    "facility": "服务设施的配置原则、场地、设备、标识和维护要求",
    "staff": "服务人员的配备、资格条件、能力要求和培训考核",
    "category": "服务提供、服务保障和管理通用要求",
}


def _d(rng, start, end):
    span = (end - start).days
    return start + datetime.timedelta(days=rng.randint(0, span))


def _pick(rng, *options):
    return rng.choice(options)


def providers(item, ptype_names):
    return "、".join(ptype_names[t] for t in item["point_types"])


def build(items, dom_names, ptype_names, local_refs, rng):
    texts = []
    # ---- S0001: the real Shenzhen local standard
    real = [s for s in local_refs["standards"] if s["id"] == "DB4403/T 236—2022"][0]
    child = [i for i in items if i["name"] == "儿童友好服务"][0]
    texts.append({"id": "S0001", "code": real["id"], "title": real["title"], "kind": "standard",
                  "level": "shenzhen", "issued": real["issued"], "effective": real["effective"],
                  "items": [child["id"]], "provenance": "reference", "source": "sz-local-standards",
                  "body": real_body(real)})

    # ---- how many per-item texts: 880 sample total
    categories = []
    for it in items:
        if it["category"] not in categories:
            categories.append(it["category"])
    per_item_total = 880 - len(categories)
    base = per_item_total // len(items)
    extra = per_item_total - base * len(items)
    extra_ids = set(rng.sample([i["id"] for i in items], extra))

    seq = {"district": 0, "category": 0}
    done_cats = {}
    n = 1
    for it in items:
        cat = it["category"]
        if cat not in done_cats:
            n += 1
            members = [i for i in items if i["category"] == cat]
            issued = _d(rng, datetime.date(2020, 6, 1), datetime.date(2021, 12, 31))
            seq["category"] += 1
            t = {"id": "S%04d" % n, "code": "样例 FT/TY %03d—%d" % (seq["category"], issued.year),
                 "title": "%s通用要求" % cat, "kind": "standard", "level": "district",
                 "issued": issued.isoformat(),
                 "effective": (issued + datetime.timedelta(days=rng.choice([30, 60, 90]))).isoformat(),
                 "items": [m["id"] for m in members], "provenance": "sample"}
            t["body"] = category_body(t, cat, members, dom_names, ptype_names, rng)
            texts.append(t)
            done_cats[cat] = t
        k = base + (1 if it["id"] in extra_ids else 0)
        rest = ITEM_TEMPLATES[1:]
        chosen = [ITEM_TEMPLATES[0]] + sorted(rng.sample(rest, k - 1), key=ITEM_TEMPLATES.index)
        for key, kind, suffix in chosen:
            n += 1
            issued = _d(rng, datetime.date(2020, 9, 1), datetime.date(2022, 12, 31))
            seq["district"] += 1
            t = {"id": "S%04d" % n, "code": "样例 FT/NB %03d—%d" % (seq["district"], issued.year),
                 "title": join_title(it["name"], suffix), "kind": kind, "level": "district",
                 "issued": issued.isoformat(),
                 "effective": (issued + datetime.timedelta(days=rng.choice([0, 15, 30, 60]))).isoformat(),
                 "items": [it["id"]], "provenance": "sample"}
            t["body"] = item_body(t, key, it, done_cats[cat], dom_names, ptype_names, rng)
            if len(render(t).encode("utf-8")) > MAX_BYTES:
                t["body"] = item_body(t, key, it, done_cats[cat], dom_names, ptype_names, rng, compact=True)
            texts.append(t)
    assert len(texts) == 881, len(texts)
    return texts


def svc(name):
    return name if name.endswith("服务") else name + "服务"


def join_title(name, suffix):
    """Avoid 服务服务: 母婴室设施服务 + 服务规范 -> 母婴室设施服务规范."""
    if name.endswith("服务") and suffix.startswith("服务"):
        return name + suffix[2:]
    return name + suffix


def render(t):
    lines = ["---", "id: " + t["id"], "code: " + t["code"], "title: " + t["title"], "kind: " + t["kind"],
             "level: " + t["level"]]
    if t.get("issued"):
        lines.append("issued: " + t["issued"])
    if t.get("effective"):
        lines.append("effective: " + t["effective"])
    lines.append("items: [" + ", ".join(t["items"]) + "]")
    lines.append("provenance: " + t["provenance"])
    if t.get("source"):
        lines.append("source: " + t["source"])
    lines.append("---")
    return "\n".join(lines) + "\n" + t["body"].rstrip("\n") + "\n"


def real_body(real):
    out = ["本文件全文版权归深圳市市场监督管理局（©）所有，此处不转载正文，仅列出参考来源中可读的目次标题（来源目次不完整）。", ""]
    for h in real["toc_as_read"]:
        head = h.split(" ", 1)[0]
        level = "###" if "." in head else "##"
        out.append("%s %s" % (level, h))
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- sample bodies

def preface(t, lead, rng):
    return [
        "## 前言", "",
        SAMPLE_NOTICE, "",
        GBT, "",
        _pick(rng, "本文件由%s提出并归口。" % lead, "本文件由%s提出。本文件由%s归口。" % (lead, lead)), "",
        "本文件起草单位：%s（样例）。" % lead, "",
    ]


def refs(t, cat_text):
    out = ["## 2 规范性引用文件", ""]
    if cat_text is None:
        out += ["本文件没有规范性引用文件。", ""]
    else:
        out += ["下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
                "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。", "",
                "%s　%s（样例文本）" % (cat_text["code"], cat_text["title"]), ""]
    return out


def terms(it, prov, rng):
    what = it["content"].rstrip("。")
    return [
        "## 3 术语和定义", "",
        "下列术语和定义适用于本文件。", "",
        "### 3.1 %s" % it["name"], "",
        _pick(rng,
              "由%s牵头组织，面向%s，%s的基本公共服务事项。" % (it["lead"], it["recipients"], what),
              "面向%s提供的基本公共服务事项，主要内容为：%s。" % (it["recipients"], what)), "",
        "### 3.2 服务提供机构", "",
        _pick(rng,
              "承担%s具体实施工作的%s等机构。" % (it["name"], prov),
              "依照本文件向服务对象提供%s的%s等场所和机构。" % (it["name"], prov)), "",
    ]


def basic_requirements(it, prov, dom, rng, title="基本要求"):
    return [
        "## 4 %s" % title, "",
        "### 4.1 服务机构", "",
        _pick(rng,
              "服务提供机构应具备开展%s所需的场地、设备和人员，并在显著位置公示服务项目、服务时间和监督电话。" % it["name"],
              "%s应明确%s的责任部门和联系人，建立服务台账，做到服务过程可记录、可追溯。" % (prov, it["name"]),
              "承担%s的机构应纳入福田区%s领域服务网络统一管理，服务信息及时报送牵头部门。" % (it["name"], dom)), "",
        "### 4.2 服务人员", "",
        _pick(rng,
              "服务人员应熟悉%s相关政策，持证上岗，着装整洁，使用文明用语。" % it["name"],
              "服务人员应经岗前培训并考核合格，掌握%s的办理要求和常见问题解答。" % it["name"],
              "服务人员应尊重服务对象，保护个人信息，不得泄露服务对象的隐私。"), "",
        "### 4.3 服务设施", "",
        _pick(rng,
              "服务场所应设置无障碍通道和等候区，配备饮水、座椅和必要的应急物品。",
              "服务场所应标识清晰，方便老年人、残疾人等群体到达和使用，并提供线上预约渠道。",
              "服务设施应定期检查维护，保持安全、整洁、可用，发现问题及时处置。"), "",
        "### 4.4 服务标准", "",
        it["standard"], "",
    ]


def process_steps(it, prov, rng, howto=False):
    steps = [
        _pick(rng, "咨询：服务对象通过电话、线上平台或到%s现场咨询办理条件和所需材料。" % prov,
              "咨询：服务对象可向%s或牵头部门咨询，工作人员一次性告知办理要求。" % prov),
        _pick(rng, "申请：服务对象按要求提交申请材料，可现场提交或通过线上渠道提交。",
              "申请：符合条件的服务对象填写申请表，并提交身份证明等材料。"),
        _pick(rng, "受理：工作人员当场核对材料，材料齐全的予以受理；材料不全的一次性告知需补正的内容。",
              "受理：服务提供机构对申请进行登记，符合受理条件的出具受理回执。"),
        _pick(rng, "审核：%s或其委托的机构在规定时限内完成审核，必要时开展入户核查或评估。" % it["lead"],
              "审核：经办机构对申请材料和资格条件进行审核，审核结果按规定公示。"),
        _pick(rng, "提供服务：审核通过后，按照服务内容和服务标准提供%s。" % it["name"],
              "办结：审核通过的，安排服务或发放待遇；不予通过的，书面说明理由。"),
        _pick(rng, "回访：服务完成后开展满意度回访，收集意见建议并记录归档。",
              "归档：服务提供机构将服务记录整理归档，并按要求报送数据。"),
    ]
    if howto:
        steps.insert(1, "预约：服务对象可通过线上平台或电话预约办理时间，减少现场等候。")
    return ["%d. %s" % (k, s) for k, s in enumerate(steps, 1)]


def process_chapter(it, prov, rng, howto=False):
    return [
        "## 5 服务流程", "",
        "### 5.1 服务对象与办理条件", "",
        "服务对象为%s。申请人应符合%s相关政策规定的条件。" % (it["recipients"], it["name"]), "",
        "### 5.2 办理步骤", "",
    ] + process_steps(it, prov, rng, howto) + [
        "",
        "### 5.3 办理时限", "",
        _pick(rng, "自受理之日起%d个工作日内办结；法律法规另有规定的，从其规定。" % rng.choice([5, 7, 10, 15, 20]),
              "即时服务类事项当场办理；需审核的事项自受理之日起%d个工作日内办结。" % rng.choice([5, 10, 15])), "",
        "### 5.4 办理渠道", "",
        "可到%s现场办理，也可通过福田区政务服务线上平台提交申请。" % prov, "",
    ]


def content_chapter(it, rng, title="服务内容"):
    return [
        "## 5 %s" % title, "",
        "### 5.1 服务内容", "",
        it["content"], "",
        "### 5.2 服务方式", "",
        _pick(rng, "采取现场服务与线上服务相结合的方式，对行动不便的服务对象可提供上门服务。",
              "以服务场所内集中提供为主，结合社区活动、入户服务和线上服务等方式开展。",
              "按服务对象需求分类提供，常规服务按计划开展，紧急需求优先响应。"), "",
        "### 5.3 经费保障", "",
        it["funding"], "",
    ]


def eval_chapter(it, rng):
    return [
        "## 5 评价内容与方法", "",
        "### 5.1 评价内容", "",
        "对%s的服务覆盖、服务过程、服务结果和服务对象满意度进行评价。" % it["name"], "",
        "### 5.2 评价指标", "",
        "1. 目标人群覆盖率：实际获得服务的对象数与应服务对象数之比。",
        "2. 服务及时率：在规定时限内完成的服务件数与服务总件数之比。",
        "3. 服务对象满意度：通过问卷或回访获得的满意评价占比，目标值不低于%d%%。" % rng.choice([85, 90, 95]),
        "4. 投诉办结率：按期办结的投诉件数与投诉总件数之比。", "",
        "### 5.3 评价方法", "",
        _pick(rng, "采用自我评价、上级评价和第三方评价相结合的方式，每年至少开展一次。",
              "以查阅台账、现场检查和问卷调查为主，结合信息系统数据进行综合评价。"), "",
    ]


def facility_chapter(it, prov, rng):
    return [
        "## 5 设施配置", "",
        "### 5.1 配置原则", "",
        _pick(rng, "按照就近便民、均衡布局的原则配置%s设施，优先利用既有公共服务用房。" % svc(it["name"]),
              "%s设施应结合服务人口规模和服务半径配置，做到15分钟内可达。" % svc(it["name"])), "",
        "### 5.2 场地与设备", "",
        "%s应设置服务窗口或服务区域，配备办公、信息化和安全应急设备。" % prov, "",
        "### 5.3 标识", "",
        "服务场所应在入口处设置统一的基本公共服务标识，标明服务项目和开放时间。", "",
    ]


def staff_chapter(it, rng):
    return [
        "## 5 人员要求", "",
        "### 5.1 人员配备", "",
        _pick(rng, "根据服务量配备专职或兼职服务人员，每个服务点至少1名。",
              "服务人员数量应与服务对象规模相适应，高峰时段可调配志愿者协助。"), "",
        "### 5.2 能力要求", "",
        "服务人员应掌握%s的政策依据、办理条件和服务流程，具备良好的沟通能力。" % it["name"], "",
        "### 5.3 培训与考核", "",
        "牵头部门每年组织不少于%d次业务培训，考核结果作为上岗和评优的依据。" % rng.choice([1, 2, 4]), "",
    ]


def improvement(it, rng, num=6):
    return [
        "## %d 服务评价与改进" % num, "",
        "### %d.1 服务评价" % num, "",
        _pick(rng, "服务提供机构应定期开展服务对象满意度调查，评价结果向牵头部门报送。",
              "%s应每年对%s的实施情况进行评估，形成评估报告。" % (it["lead"], it["name"])), "",
        "### %d.2 投诉处理" % num, "",
        _pick(rng, "服务场所应公布投诉电话并设置意见箱，投诉应在规定时限内处理并反馈。",
              "对服务对象的意见和投诉，应登记、核实、处理和回复，做到件件有回应。"), "",
        "### %d.3 持续改进" % num, "",
        _pick(rng, "针对评价和投诉中发现的问题，制定改进措施并跟踪落实。",
              "根据政策调整和群众需求变化，适时修订服务内容和服务流程。"), "",
    ]


def item_body(t, key, it, cat_text, dom_names, ptype_names, rng, compact=False):
    prov = providers(it, ptype_names)
    dom = dom_names[it["domain"]]
    out = preface(t, it["lead"], rng)
    out += ["## 1 范围", "",
            "本文件规定了福田区%s的%s。" % (it["name"], SCOPE[key]), "",
            "本文件适用于福田区%s等机构提供%s。" % (prov, it["name"]), ""]
    out += refs(t, cat_text)
    out += terms(it, prov, rng)[: 8 if compact else None]
    if key in ("guide", "howto", "info"):
        out += basic_requirements(it, prov, dom, rng)
        if key == "info":
            out += ["## 5 服务流程", "",
                    "### 5.1 公开内容", "",
                    "公开%s的服务对象、服务内容、服务标准、办理条件、支出责任和牵头负责单位。" % it["name"], "",
                    "### 5.2 公开步骤", ""]
            out += ["1. 梳理：%s梳理需公开的信息并确定责任人。" % it["lead"],
                    "2. 审核：公开前对信息的准确性和合规性进行审核。",
                    "3. 发布：通过政府网站、服务场所公示栏和线上平台发布。",
                    "4. 更新：政策或服务内容调整后%d个工作日内更新。" % rng.choice([5, 10, 15]),
                    "5. 反馈：收集公众对公开信息的意见并及时答复。", ""]
        else:
            out += process_chapter(it, prov, rng, howto=(key == "howto"))
        out += improvement(it, rng)
    elif key == "spec":
        out += basic_requirements(it, prov, dom, rng, title="服务要求")
        out += content_chapter(it, rng)
        out += improvement(it, rng)
    elif key == "eval":
        out += ["## 4 评价原则", "",
                _pick(rng, "评价应坚持客观公正、公开透明、以服务对象满意为导向的原则。",
                      "评价应覆盖服务全过程，定量与定性相结合，结果可比较、可追溯。"), "",
                "### 4.1 评价主体", "",
                "评价由%s组织，可委托第三方机构实施。" % it["lead"], "",
                "### 4.2 评价周期", "",
                "原则上每年评价一次，必要时开展专项评价。", ""]
        out += eval_chapter(it, rng)
        out += improvement(it, rng)
    elif key == "facility":
        out += basic_requirements(it, prov, dom, rng)
        out += facility_chapter(it, prov, rng)
        out += improvement(it, rng)
    elif key == "staff":
        out += basic_requirements(it, prov, dom, rng)
        out += staff_chapter(it, rng)
        out += improvement(it, rng)
    return "\n".join(out)


def category_body(t, cat, members, dom_names, ptype_names, rng):
    lead = members[0]["lead"]
    dom = dom_names[members[0]["domain"]]
    names = "、".join(m["name"] for m in members)
    ptypes = []
    for m in members:
        for p in m["point_types"]:
            if p not in ptypes:
                ptypes.append(p)
    prov = "、".join(ptype_names[p] for p in ptypes)
    out = preface(t, lead, rng)
    out += ["## 1 范围", "",
            "本文件规定了福田区%s领域%s的%s。" % (dom, cat, SCOPE["category"]), "",
            "本文件适用于以下服务事项：%s。" % names, ""]
    out += refs(t, None)
    out += ["## 3 术语和定义", "", "下列术语和定义适用于本文件。", "",
            "### 3.1 %s" % cat, "",
            "福田区基本公共服务清单中归入“%s”类别的服务事项的统称。" % cat, "",
            "### 3.2 服务提供机构", "",
            "提供上述服务事项的%s等机构。" % prov, "",
            "## 4 基本要求", "",
            "### 4.1 服务提供", "",
            _pick(rng, "各服务事项应明确服务对象、服务内容、服务标准、支出责任和牵头负责单位，并向社会公开。",
                  "各服务事项应制定服务指南，做到办理条件清楚、流程简明、时限明确。"), "",
            "### 4.2 服务保障", "",
            "牵头部门应统筹人员、经费和设施保障，将服务事项实施情况纳入年度工作考核。", "",
            "### 4.3 数据管理", "",
            "服务提供机构应按统一口径记录服务数据，定期汇总报送，保障数据真实完整。", "",
            "## 5 服务内容", ""]
    for k, m in enumerate(members, 1):
        out += ["### 5.%d %s" % (k, m["name"]), "", "服务对象：%s。%s" % (m["recipients"], m["content"]), ""]
        if k >= 6:
            out += ["### 5.%d 其他事项" % (k + 1), "", "其余服务事项的内容见各事项的服务指南。", ""]
            break
    out += improvement(members[0], rng)
    return "\n".join(out)
