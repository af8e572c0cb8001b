"""Lesson ①: the tutorial's ResNet18 example, one real training step on the CPU."""

import streamlit as st

from components import heavy_imports
from components.ui.controls import control_widget
from components.ui.i18n import t
from components.ui.layout import (
    chart,
    code_panel,
    end_page,
    fragment_unless_presenting,
    start_page,
    table,
)
from components.ui.panels import go_deeper

state = start_page("resnet")
lang = state.lang
st.markdown(t("resnet.intro", lang))
# The predict toggle's place: it is drawn once torch is loaded (predict mode
# builds on the lessons' core), the other controls right away.
predict_slot = st.container()

st.markdown(f"**{t('resnet.controls_data', lang)}**")
for name, column in zip(("seed", "size", "pretrained"), st.columns(3, gap="large"), strict=True):
    control_widget(state, name, column)
# Which sliders rerun which sections: a side note for a second reading.
with go_deeper(t("resnet.controls_hint_topic", lang), lang, key="resnet_deeper_sliders"):
    st.caption(t("resnet.controls_hint", lang))
    st.caption(t("resnet.shared_note", lang))

seed, size = state["seed"], state["size"]
# The text and the controls above are on screen already; on a cold server
# loading torch and building the model take seconds. One progress line says
# what is being done, then gives its place to the results; the finetuning
# timings come later, where their section starts, so sections 1-5 do not wait
# for them. The lesson's own modules import torch: only now, not at the top.
progress = st.empty()
with progress.status(t("resnet.progress.libraries", lang)):
    heavy_imports.load()
    from components.core.resnet import TIMING_REPEATS
    from components.core.resnet_snippet import finetune_snippet, resnet_snippet
    from components.core.resnet_weights import imagenet_categories
    from components.numbers import format_number
    from components.ui import outcomes
    from components.ui.panels import labels_for
    from components.ui.predict import predict_mode
    from components.ui.predict_questions import resnet_layer_checkpoint, resnet_step_checkpoint
    from components.ui.resnet_cache import (
        ServerBusy,
        finetune_result,
        pristine_resnet,
        training_result,
    )
    from components.ui.resnet_panels import (
        count,
        grad_presence_table,
        input_picture,
        last_layer_table,
        loss_delta,
        no_grad_table,
        parameter_table,
        rules_hold,
        steps_table,
        top_classes_table,
        weights_note,
    )
    from components.ui.shared_charts import (
        backward_time_chart,
        grad_norms_chart,
        movement_chart,
        resnet_loss_chart,
    )
with predict_slot:
    predict = predict_mode(state)
try:
    with progress.status(t("resnet.progress.model", lang)) as status_line:
        pristine = pristine_resnet(state["pretrained"])
        # Sections 1-3 (forward, loss, first backward) do not depend on lr,
        # momentum or steps; those sliders live in the fragment further down.
        status_line.update(label=t("resnet.progress.training", lang, steps=state["steps"],
                                   size=size))
        result = training_result(pristine, state["lr"], state["momentum"], state["steps"],
                                 seed, size)
except ServerBusy:
    progress.empty()
    st.error(t("resnet.busy", lang), icon=":material/hourglass_top:")
    st.stop()
progress.empty()
status = pristine.status
weights_note(status, lang)
predict.ask(resnet_layer_checkpoint, result, seed, size, status.pretrained_in_use)

st.header(t("resnet.forward_title", lang))
# The input beside the words: a picture on the first screen.
forward_text, forward_image = st.columns([3, 1], gap="large")
forward_text.markdown(t("resnet.forward_text", lang, size=size))
forward_text.markdown(t("resnet.forward_facts", lang, shape=result.prediction_shape,
                        requires_grad=result.prediction_requires_grad,
                        grad_fn=result.prediction_grad_fn))
input_picture(seed, size, lang, forward_image)
if not result.train_mode:
    st.info(t("resnet.eval_note", lang, error=result.batchnorm_error), icon=":material/info:")
# The top-5 classes: an aside (with random weights they mean nothing).
with go_deeper(t("resnet.top_topic", lang), lang, key="resnet_deeper_top"):
    top_col, top_text = st.columns([3, 2], gap="large")
    top_col.markdown(f"**{t('resnet.top_title', lang)}**")
    table(top_classes_table(result, imagenet_categories(), lang), lang, top_col)
    top_text.markdown(t("resnet.top_pretrained", lang) if status.pretrained_in_use
                      else outcomes.say(outcomes.resnet_top_random(result), lang))

st.header(t("resnet.loss_title", lang))
st.info(outcomes.say(outcomes.resnet_loss_start(result), lang), icon=":material/south:")
st.markdown(t("resnet.loss_text", lang, loss=format_number(result.losses[0])))
# The last layer's gradients by hand: a check for a second reading.
with go_deeper(t("resnet.loss_hand_topic", lang), lang, key="resnet_deeper_loss"):
    st.markdown(t("resnet.loss_hand", lang))
    table(last_layer_table(result, lang), lang)
    st.markdown(t("resnet.loss_labels", lang, labels_shift=format_number(-result.labels_sum)))

# From here on the page shows the gradients: in predict mode it waits for the reveal.
predict.stop_unless_revealed("largest_grad_layer")
st.header(t("resnet.grads_title", lang))
st.markdown(t("resnet.grads_text", lang, tensors=len(result.parameters),
              numel=count(result.numel)))
figure, text = grad_norms_chart(result.parameters, lang)  # built once per result
chart(figure, key="grads_chart", text=text)
with go_deeper(t("resnet.grads_caption_topic", lang), lang, key="resnet_deeper_names"):
    st.caption(t("resnet.grads_caption", lang))
with st.expander(t("resnet.table_expander", lang)):
    table(parameter_table(result, lang), lang)


@fragment_unless_presenting
def training_sections(state, pristine, predict) -> None:
    """The training sliders, sections 4-5 and the code panel: a slider reruns only this part."""
    lang, seed, size, status = state.lang, state["seed"], state["size"], pristine.status
    st.header(t("resnet.step_title", lang))
    st.markdown(f"**{t('resnet.controls_train', lang)}**")
    lr, momentum, steps = [
        control_widget(state, name, column) for name, column in
        zip(("lr", "momentum", "steps"), st.columns(3, gap="large"), strict=True)]
    try:
        with st.spinner(t("resnet.computing", lang)):
            result = training_result(pristine, lr, momentum, steps, seed, size)
    except ServerBusy:
        st.error(t("resnet.busy", lang), icon=":material/hourglass_top:")
        return
    predict.ask(resnet_step_checkpoint, result, lr, seed, size, status.pretrained_in_use)
    if predict.hides("loss_after_step"):
        return
    st.markdown(t("resnet.step_text", lang, lr=format_number(lr), momentum=format_number(momentum)))
    # With one step, "after all steps" would repeat "after one step".
    metric_cols = st.columns(3 if steps > 1 else 2)
    metric_cols[0].metric(t("resnet.metric_before", lang), format_number(result.losses[0]))
    metric_cols[1].metric(t("resnet.metric_after_one", lang), format_number(result.losses[1]),
                          delta=loss_delta(result.first_step_change), delta_color="off")
    if steps > 1:
        metric_cols[2].metric(t("resnet.metric_after_all", lang, steps=steps),
                              format_number(result.losses[-1]),
                              delta=loss_delta(result.loss_change), delta_color="off")
    figure, text = resnet_loss_chart(result.losses, lang)
    chart(figure, key="loss_chart", text=text)
    loss_story = outcomes.resnet_loss(result)
    if result.diverged:
        # NaN fails every comparison: the rule check would only repeat the overflow.
        st.error(outcomes.say_all(loss_story, lang), icon=":material/warning:")
    else:
        rule_key = "resnet.rule_ok" if momentum else "resnet.rule_ok_plain"
        st.markdown(t(rule_key if rules_hold(result) else "resnet.rule_bad", lang))
        st.markdown(outcomes.say_all(loss_story, lang))
    with st.expander(t("resnet.steps_expander", lang)):
        table(steps_table(result, lang), lang)

    st.header(t("resnet.move_title", lang))
    st.markdown(t("resnet.move_text", lang, steps=steps))
    figure, text = movement_chart(result.groups, lang)
    chart(figure, key="move_chart", text=text)
    st.caption(outcomes.say(outcomes.resnet_move(result), lang))

    code_panel(resnet_snippet(lr, momentum, steps, seed, size, status.pretrained_in_use,
                              result.train_mode, notes=labels_for("resnet.code", lang)), lang)


training_sections(state, pristine, predict)

st.header(t("resnet.finetune_title", lang))
try:
    with st.spinner(t("resnet.progress.finetune", lang, repeats=TIMING_REPEATS)):
        finetune = finetune_result(pristine, seed, size)
except ServerBusy:
    st.error(t("resnet.busy", lang), icon=":material/hourglass_top:")
    st.stop()
st.markdown(t("resnet.finetune_text", lang))
st.code(finetune_snippet(labels_for("resnet.code", lang)), language="python", wrap_lines=True)
st.markdown(t("resnet.finetune_counts", lang, trainable=count(finetune.trainable_numel),
              frozen=count(finetune.frozen_numel)))
metric_col, time_col = st.columns([2, 3], gap="large")
metric_col.metric(t("resnet.metric_speedup", lang),
                  f"{format_number(outcomes.two_digits(finetune.speedup))}×")
figure, text = backward_time_chart(finetune.full_backward_ms, finetune.frozen_backward_ms, lang)
chart(figure, key="time_chart", container=time_col, text=text)
st.markdown(outcomes.say(outcomes.resnet_speed(finetune), lang))
# Which layers kept a .grad and how the time was measured: for a second reading.
with go_deeper(t("resnet.finetune_presence_topic", lang), lang, key="resnet_deeper_presence"):
    st.markdown(t("resnet.finetune_presence", lang))
    table(grad_presence_table(finetune, lang), lang)
    low, high = (format_number(outcomes.two_digits(v)) for v in finetune.speedup_range)
    st.caption(t("resnet.time_caption", lang, repeats=finetune.repeats, low=low, high=high))
with st.expander(t("resnet.none_expander", lang, count=len(finetune.without_grad))):
    st.markdown(", ".join(f"`{name}`" for name in finetune.without_grad))

st.header(t("resnet.nograd_title", lang))
st.markdown(t("resnet.nograd_text", lang))
table(no_grad_table(finetune, lang), lang)
predict.summary()
end_page(state)
