using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolGroupMember: removes a user or a group from a security group.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolGroupMember", SupportsShouldProcess = true)]
    public class RemoveGroupMember : GroupMemberChangeCmdlet
    {
        protected override string ActionText
        {
            get { return "Remove-MsolGroupMember from group"; }
        }
    }
}
