"""The ``plan`` view: systems → projects → targets, then the project batch."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from rich.tree import Tree

from linyi_tracker.i18n import Lang, t
from linyi_tracker.plan.models import Plan, Target
from linyi_tracker.reporting.text import noted, plan_target, year_span


def _target_line(plan: Plan, target: Target, lang: Lang) -> Text:
    ind = plan.indicator_by_id[target.indicator]
    line = Text()
    line.append(f"[{t('kind.' + target.kind, lang)}] ", style="dim")
    line.append(ind.name.get(lang))
    # the target in the words every command writes it (text.plan_target): ≥ 8.5万人每年（2015—2020年）
    line.append(f"  {plan_target(plan, target, lang)}", style="bold")
    if target.deadline_from == "plan-end":
        line.append(noted("", t("word.deadline_from_plan_end", lang), lang), style="dim")
    if getattr(target, "truncated", False):
        line.append(f" {t('word.truncated', lang)}", style="yellow")
    if target.binding is not None:
        line.append(f"  {t('word.binding' if target.binding else 'word.expected', lang)}")
    line.append(f"  {target.id}", style="dim")
    return line


def render_plan(plan: Plan, lang: Lang) -> RenderableType:
    meta = plan.plan
    root = Tree(
        Text(
            f"{meta.title.get(lang)} · {(meta.short_title or meta.title).get(lang)} · {year_span(meta.period.start, meta.period.end, lang)}",
            style="bold",
        )
    )
    for system in plan.systems:
        node = root.add(Text(f"{system.number} {system.name.get(lang)}", style="bold cyan"))
        if system.headline:
            node.add(Text(system.headline.get(lang), style="italic dim"))
        targets = [
            tg for tg in plan.targets if plan.indicator_by_id[tg.indicator].system == system.id
        ]
        projects = [p for p in plan.projects if p.system == system.id]
        for project in projects:
            own = [tg for tg in targets if tg.project == project.id]
            label = project.name.get(lang) if project.name else t("word.unnamed", lang)
            pnode = node.add(
                Text(f"◆ {label}", style="green") + Text(f"  {project.id}", style="dim")
            )
            for tg in own:
                _add_target(plan, pnode, tg, lang)
        for tg in targets:
            if tg.project is None or tg.project not in {p.id for p in projects}:
                _add_target(plan, node, tg, lang)
        for ind in plan.indicators:
            if ind.system == system.id and ind.role == "monitoring":
                node.add(
                    Text(f"[{t('kind.monitoring', lang)}] {ind.name.get(lang)}  ", style="dim")
                    + Text(ind.id, style="dim")
                )
    batches = sorted({c.batch for c in plan.categories})
    trees: list[RenderableType] = [root]
    for batch in batches:
        btree = Tree(Text(t("title.batch", lang, batch=batch), style="bold"))
        for cat in (c for c in plan.categories if c.batch == batch):
            listed = [p for p in plan.projects if p.category == cat.id]
            named = sum(1 for p in listed if not p.unnamed)
            cnode = btree.add(
                Text(
                    f"{cat.name.get(lang)} — {t('word.projects_named', lang, declared=cat.declared_projects, named=named)}",
                    style="yellow" if named < cat.declared_projects else "",
                )
            )
            for p in listed:
                label = p.name.get(lang) if p.name else t("word.unnamed", lang)
                cnode.add(Text(label, style="dim" if p.unnamed else ""))
        trees.append(btree)
    return Group(*trees)


def _add_target(plan: Plan, node: Tree, tg: Target, lang: Lang) -> None:
    node.add(_target_line(plan, tg, lang))
