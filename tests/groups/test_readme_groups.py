"""The README's consumer-group examples work as shown."""
import json

from tests.test_readme import blocks_after, curl_payload


def test_the_submission_example_is_accepted_and_redacted(create_group, submit, read_as_admin):
    command, output = blocks_after("A member shares the guided flow's answers", 2)
    group = create_group("Parents of School 5", slug="school-5")
    response = submit(group, curl_payload(command))
    assert response.status_code == 201, response.get_json()
    assert response.get_json() == json.loads(output)
    exported = json.loads(read_as_admin(group, "export", format="json").get_data(as_text=True))
    assert exported[0]["text"] == "Размер меньше заявленного. Звоните [скрыто]"
    stats_command = blocks_after("The organiser reads the figures with the admin token", 1)[0]
    assert "marketplace=ozon&since=2026-10-01" in stats_command
    assert read_as_admin(group, marketplace="ozon", since="2026-10-01").get_json()["count"] == 1
