"""Pages and a runner shared by the tests of the second and last passes (``test_context``,
``test_region``, ``test_threads``, ``test_runs``, ``test_lastpass``)."""
from newsclean.blocks import split
from newsclean.classify import first_pass
from newsclean.context import revise

PARA = "这是一段很长的正文内容,讲述了事情的来龙去脉,并且包含了足够多的文字来被当作正文。" * 2
EN = ("The council approved the new budget on Tuesday after a long debate about funding "
      "for schools, roads and the city's ageing water pipes, officials said.")
EN2 = ("The mayor said the plan would be reviewed again in the spring, once the first "
       "figures on spending were known and the schools had been consulted.")
EN3 = ("Residents who spoke at the meeting asked for the water pipes to come first, since several "
       "streets had been flooded twice during the winter and repairs were still waiting.")


def run(text, probs=None):
    return revise(first_pass(split(text)), probs)
